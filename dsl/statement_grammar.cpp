// The statement grammar in Boost.Spirit X3 — the only translation unit that includes
// Spirit. Sections as in the X3 examples: rule ids, rules, grammar, actions. Values are
// recognised here and decoded (numbers, dates, escapes, prose dedent) in parse_atoms.cpp,
// which keeps the semantic actions to "remember this range".
//
// Non-ASCII: ascii:: classes reject bytes >= 0x80, so Danish letters are admitted as
// raw UTF-8 bytes through `utf8_byte` (the text is already validated and in NFC).
#include <boost/spirit/home/x3.hpp>

#include "atom_decoder.hpp"
#include "statement_parser.hpp"

namespace kvs::dsl {
namespace x3 = boost::spirit::x3;
using It = const char*;

namespace {

/// What the semantic actions write into while one statement is parsed.
struct ParseState {
  const char* base = nullptr;
  std::vector<ast::Atom> atoms;  ///< atoms of the value being parsed
  ast::Field field;
  ast::Block block;
  std::uint32_t prose_open = 0;  ///< where the last """ or " began (for unterminated ones)
  SourceRange key_where;
  std::string key;
  bool close = false;
};
struct state_tag;

ParseState& state(auto& ctx) { return x3::get<state_tag>(ctx).get(); }
SourceRange range_of(auto& ctx) {
  auto& st = state(ctx);
  auto& r = x3::_attr(ctx);
  return {static_cast<std::uint32_t>(r.begin() - st.base),
          static_cast<std::uint32_t>(r.end() - st.base)};
}

// ---------------------------------------------------------------- rule ids
// The rule names are looked up in parse.cpp's table of Danish descriptions.
x3::rule<struct value_rule> const value = "value_item";
x3::rule<struct values_rule> const values = "value";
x3::rule<struct string_end_rule> const string_end = "string_end";
x3::rule<struct prose_end_rule> const prose_end = "prose_end";
x3::rule<struct after_key_rule> const after_key = "after_key";

// ---------------------------------------------------------------- actions
auto const on_key = [](auto& ctx) {
  auto& st = state(ctx);
  st.key_where = range_of(ctx);
  st.key.assign(x3::_attr(ctx).begin(), x3::_attr(ctx).end());
};
auto const remember_open = [](auto& ctx) {
  auto& st = state(ctx);
  st.prose_open = static_cast<std::uint32_t>(x3::_where(ctx).begin() - st.base);
};
auto atom_action(ast::Atom::Kind kind) {
  return [kind](auto& ctx) {
    auto& st = state(ctx);
    ast::Atom a;
    a.kind = kind;
    a.where = range_of(ctx);
    st.atoms.push_back(std::move(a));
  };
}
auto const on_value = [](auto& ctx) {
  auto& st = state(ctx);
  ast::Value v;
  v.where = range_of(ctx);
  v.atoms = std::move(st.atoms);
  st.atoms.clear();
  st.field.values.push_back(std::move(v));
};
auto const on_block_id = [](auto& ctx) {
  auto& st = state(ctx);
  ast::Atom a;
  a.kind = ast::Atom::Kind::word;
  a.where = range_of(ctx);
  st.block.id = a;
};
auto const on_block_title = [](auto& ctx) {
  auto& st = state(ctx);
  ast::Atom a;
  a.kind = ast::Atom::Kind::string;
  a.where = range_of(ctx);
  st.block.title = a;
};
auto const on_close = [](auto& ctx) { state(ctx).close = true; };

// ---------------------------------------------------------------- grammar
auto const utf8_byte = x3::char_('\x80', '\xFF');
// The skipper: spaces and tabs. Not x3::blank, whose standard-encoding test asserts on
// bytes >= 0x80 (they are negative chars here).
auto const blank = x3::lit(' ') | x3::lit('\t');
auto const word_first = x3::ascii::alpha | utf8_byte | x3::char_('_');
auto const word_rest = x3::ascii::alnum | utf8_byte | x3::char_("_.-");
auto const key_rest = x3::ascii::alnum | utf8_byte | x3::char_("_-");
auto const digits = +x3::ascii::digit;
auto const en_dash = x3::lit("\xE2\x80\x93");
auto const half = x3::lit("\xC2\xBD");

auto const key = x3::raw[x3::lexeme[word_first >> *key_rest]];
auto const word = x3::lexeme[word_first >> *word_rest];
auto const date = x3::lexeme[x3::repeat(4)[x3::ascii::digit] >> '-' >> x3::repeat(2)[x3::ascii::digit] >>
                             '-' >> x3::repeat(2)[x3::ascii::digit] >> !x3::ascii::digit];
auto const number = x3::lexeme[digits >> -half];
auto const range = x3::lexeme[digits >> (x3::lit('-') | en_dash) >> digits];

auto const string_end_def = x3::lit('"');
auto const string_body = x3::lexeme[x3::lit('"')[remember_open] >>
                                    *((x3::lit('\\') >> (x3::char_ - x3::eol)) |
                                      (x3::char_ - '"' - '\\' - x3::eol)) > string_end];
auto const prose_end_def = x3::lit("\"\"\"");

/// The same as *(x3::char_ - x3::lit("\"\"\"")) — everything up to the next """ or the
/// end of the text — but found with one string search instead of testing for """ before
/// every byte: prose is most of a file's bytes.
struct prose_content_parser : x3::parser<prose_content_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    std::string_view rest(first, static_cast<std::size_t>(last - first));
    std::size_t close = rest.find("\"\"\"");
    first = close == std::string_view::npos ? last : first + close;
    return true;
  }
};
prose_content_parser const prose_content{};

auto const prose_body = x3::lexeme[x3::lit("\"\"\"")[remember_open] >> prose_content > prose_end];

auto const atom = x3::raw[prose_body][atom_action(ast::Atom::Kind::prose)] |
                  x3::raw[string_body][atom_action(ast::Atom::Kind::string)] |
                  x3::raw[date][atom_action(ast::Atom::Kind::date)] |
                  x3::raw[range][atom_action(ast::Atom::Kind::range)] |
                  x3::raw[number][atom_action(ast::Atom::Kind::number)] |
                  x3::raw[word][atom_action(ast::Atom::Kind::word)];

auto const value_def = x3::raw[+atom][on_value];
auto const values_def = value % ',';
auto const field_tail = x3::lit(':') > values;
auto const block_tail = -x3::raw[word][on_block_id] >> -x3::raw[string_body][on_block_title] >>
                        x3::lit('{');
auto const after_key_def = field_tail | block_tail;

auto const statement = x3::lit('}')[on_close] | (key[on_key] > after_key);

BOOST_SPIRIT_DEFINE(value, values, string_end, prose_end, after_key)

}  // namespace

StatementResult parse_statement(const std::string& text, std::uint32_t begin) {
  ParseState st;
  st.base = text.data();
  It first = text.data() + begin;
  It last = text.data() + text.size();
  StatementResult result;
  try {
    bool ok = x3::phrase_parse(first, last, x3::with<state_tag>(std::ref(st))[statement], blank);
    if (!ok) {
      result.kind = StatementResult::Kind::error;
      result.error_at = begin;
      result.expected = "statement";
      return result;
    }
  } catch (const x3::expectation_failure<It>& e) {
    result.kind = StatementResult::Kind::error;
    result.error_at = static_cast<std::uint32_t>(e.where() - text.data());
    result.expected = e.which();
    // The action runs after the quote matched: back up to the quote itself.
    std::uint32_t open = st.prose_open;
    std::string_view before(text.data(), open);
    if (before.ends_with("\"\"\"")) open -= 3;
    else if (before.ends_with("\"")) open -= 1;
    result.context_at = open;
    result.field.key = st.key;
    result.field.key_where = st.key_where;
    return result;
  }
  result.end = static_cast<std::uint32_t>(first - text.data());
  // phrase_parse skips trailing blanks after the statement; back up over them so `end`
  // is the end of the statement's last token.
  while (result.end > begin && (text[result.end - 1] == ' ' || text[result.end - 1] == '\t'))
    --result.end;
  if (st.close) {
    result.kind = StatementResult::Kind::block_close;
    return result;
  }
  if (!st.field.values.empty()) {
    result.kind = StatementResult::Kind::field;
    result.field = std::move(st.field);
    result.field.key = st.key;
    result.field.key_where = st.key_where;
    result.field.where = {st.key_where.begin, result.end};
    decode_atoms(text, result.field);
    return result;
  }
  result.kind = StatementResult::Kind::block_open;
  result.block = std::move(st.block);
  result.block.kind = st.key;
  result.block.kind_where = st.key_where;
  result.block.header_where = {st.key_where.begin, result.end};
  decode_block_header(text, result.block);
  return result;
}

}  // namespace kvs::dsl
