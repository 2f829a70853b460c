-- pandoc-batch.lua: pandoc converting many Markdown files to separate HTML and DOCX files in ONE
-- pandoc process (bench/run.sh, issue 8). pandoc itself concatenates several inputs into one
-- document, so this Lua filter does the loop inside pandoc instead:
--
--   PANDOC_BATCH_LIST=list.txt PANDOC_BATCH_OUT=dir PANDOC_BATCH_FORMATS=html,docx \
--     pandoc -f markdown -t plain --lua-filter bench/pandoc-batch.lua /dev/null -o /dev/null
--
-- For every path in list.txt (one per line) it does what one pandoc process per file does with
--   pandoc -f gfm -t html5 -s -M pagetitle=STEM -M lang=da FILE -o dir/STEM.html
--   pandoc -f gfm -t docx      -M pagetitle=STEM -M lang=da FILE -o dir/STEM.docx
-- : pandoc.read with the gfm reader, then pandoc.write with the html5 writer and pandoc's default
-- html5 template (standalone), and with the docx writer. The input document (/dev/null) is ignored.

local function split(s)
  local out = {}
  for w in string.gmatch(s, "[^,]+") do out[w] = true end
  return out
end

function Pandoc(_)
  local list = assert(os.getenv("PANDOC_BATCH_LIST"), "PANDOC_BATCH_LIST not set")
  local outdir = assert(os.getenv("PANDOC_BATCH_OUT"), "PANDOC_BATCH_OUT not set")
  local formats = split(os.getenv("PANDOC_BATCH_FORMATS") or "html,docx")
  local template = pandoc.template.compile(pandoc.template.default("html5"))
  local n = 0
  for path in io.lines(list) do
    local f = assert(io.open(path, "rb"))
    local text = f:read("a")
    f:close()
    local doc = pandoc.read(text, "gfm")
    local stem = path:match("([^/]+)%.md$")
    doc.meta.pagetitle = stem
    doc.meta.lang = "da"
    if formats.html then
      local o = assert(io.open(outdir .. "/" .. stem .. ".html", "wb"))
      o:write(pandoc.write(doc, "html5", {template = template}))
      o:close()
    end
    if formats.docx then
      local o = assert(io.open(outdir .. "/" .. stem .. ".docx", "wb"))
      o:write(pandoc.write(doc, "docx"))
      o:close()
    end
    n = n + 1
  end
  return pandoc.Pandoc({pandoc.Para({pandoc.Str(tostring(n) .. " files")})})
end
