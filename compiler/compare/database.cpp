// kvs.sqlite: the comparison as a relational database for evaluators' own queries. Built in
// memory and serialised, so the file on disk is replaced atomically like every other output.
// The schema is documented (with example queries) in docs/compare.md §4; change both together.
#include <sqlite3.h>

#include <memory>
#include <stdexcept>

#include "block_pool.hpp"
#include "compare.hpp"
#include "csv.hpp"

namespace kvs::compare {

namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE standards (
  id INTEGER PRIMARY KEY,            -- 1, 2, …: Danish order (kommune, år, fil)
  path TEXT NOT NULL,
  municipality TEXT NOT NULL,
  service TEXT,
  scheme TEXT NOT NULL,              -- forebyggende-hjemmebesøg | opsøgende-forebyggelse
  year INTEGER,
  period_start TEXT, period_end TEXT,
  approved TEXT, approved_by TEXT,
  law_versions TEXT NOT NULL,        -- 'serviceloven-2019 + bek-716-2019'
  law_basis TEXT NOT NULL,           -- periode | år | kontroldato | i dag
  law_reason TEXT,
  individual_alternative TEXT NOT NULL,  -- ja | nej | ikke relevant
  follow_up INTEGER NOT NULL,        -- 1: opfølgning described
  competences TEXT NOT NULL,         -- ja | delvis | nej
  self_referral INTEGER NOT NULL,
  purpose TEXT NOT NULL,             -- lokalt | som loven | mangler (heuristic)
  purpose_terms TEXT,
  fejl INTEGER NOT NULL, advarsel INTEGER NOT NULL, raad INTEGER NOT NULL, acknowledged INTEGER NOT NULL
);
CREATE TABLE statutory_groups (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, rule TEXT NOT NULL, law_version TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE target_groups (
  standard_id INTEGER NOT NULL REFERENCES standards(id),
  group_id TEXT NOT NULL, title TEXT, ages TEXT, conditions TEXT, frequency TEXT, enrolment TEXT,
  needs_alternative INTEGER NOT NULL, has_alternative INTEGER NOT NULL, line INTEGER,
  PRIMARY KEY (standard_id, group_id)
);
CREATE TABLE group_statutory (
  standard_id INTEGER NOT NULL, group_id TEXT NOT NULL,
  statutory_group TEXT NOT NULL REFERENCES statutory_groups(id),
  PRIMARY KEY (standard_id, group_id, statutory_group)
);
CREATE TABLE offers (
  standard_id INTEGER NOT NULL REFERENCES standards(id),
  statutory_group TEXT NOT NULL REFERENCES statutory_groups(id),
  offered TEXT NOT NULL,             -- ja | delvis | nej
  groups TEXT, invitations TEXT, meetings TEXT,
  alternative TEXT NOT NULL,         -- ja | nej | ikke relevant
  PRIMARY KEY (standard_id, statutory_group)
);
CREATE TABLE invitations (
  standard_id INTEGER NOT NULL, group_id TEXT NOT NULL, position INTEGER NOT NULL, form TEXT NOT NULL,
  PRIMARY KEY (standard_id, group_id, position)
);
CREATE TABLE meetings (
  standard_id INTEGER NOT NULL, group_id TEXT NOT NULL, position INTEGER NOT NULL, form TEXT NOT NULL,
  label TEXT, collective INTEGER NOT NULL,
  PRIMARY KEY (standard_id, group_id, position)
);
CREATE TABLE risk_groups (
  standard_id INTEGER NOT NULL, position INTEGER NOT NULL, title TEXT, category TEXT NOT NULL,
  group_id TEXT, line INTEGER,
  PRIMARY KEY (standard_id, position)
);
CREATE TABLE risk_categories (
  standard_id INTEGER NOT NULL, category TEXT NOT NULL, source TEXT NOT NULL,  -- risikogruppe | betingelse
  PRIMARY KEY (standard_id, category)
);
CREATE TABLE exclusions (
  standard_id INTEGER NOT NULL, position INTEGER NOT NULL, grounds TEXT NOT NULL, narrowing TEXT,
  legality TEXT NOT NULL,            -- lovlig | betinget | uden hjemmel | ikke vurderet
  acknowledged INTEGER NOT NULL, case_by_case INTEGER NOT NULL, line INTEGER,
  PRIMARY KEY (standard_id, position)
);
CREATE TABLE files (
  path TEXT PRIMARY KEY,
  status TEXT NOT NULL,              -- sammenlignet | sprunget over
  standard_id INTEGER REFERENCES standards(id),
  reason TEXT
);
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  standard_id INTEGER REFERENCES standards(id),  -- NULL for a skipped file
  path TEXT NOT NULL, rule TEXT NOT NULL,
  severity TEXT NOT NULL,            -- fejl | advarsel | råd
  line INTEGER, col INTEGER, message TEXT NOT NULL, provision TEXT, law_version TEXT,
  acknowledged INTEGER NOT NULL, acknowledgement TEXT
);
CREATE TABLE changes (
  municipality TEXT NOT NULL,
  from_standard_id INTEGER NOT NULL REFERENCES standards(id),
  to_standard_id INTEGER NOT NULL REFERENCES standards(id),
  position INTEGER NOT NULL, dimension TEXT NOT NULL, before TEXT, after TEXT, summary TEXT NOT NULL
);
CREATE TABLE national_figures (
  figure TEXT NOT NULL, title TEXT NOT NULL, position INTEGER NOT NULL,
  metric TEXT NOT NULL, statutory_group TEXT, category TEXT, label TEXT NOT NULL,
  percent REAL, count INTEGER, approximate INTEGER NOT NULL, text TEXT,
  n INTEGER NOT NULL, basis TEXT NOT NULL, year INTEGER NOT NULL, lines TEXT NOT NULL,
  local_k INTEGER NOT NULL, local_n INTEGER NOT NULL
);
CREATE VIEW statutory_invitations AS
  SELECT s.id AS standard_id, s.municipality, s.year, gs.statutory_group, i.group_id, i.position, i.form
  FROM group_statutory gs
  JOIN invitations i ON i.standard_id = gs.standard_id AND i.group_id = gs.group_id
  JOIN standards s ON s.id = gs.standard_id;
CREATE VIEW statutory_meetings AS
  SELECT s.id AS standard_id, s.municipality, s.year, gs.statutory_group, m.group_id, m.position, m.form, m.collective
  FROM group_statutory gs
  JOIN meetings m ON m.standard_id = gs.standard_id AND m.group_id = gs.group_id
  JOIN standards s ON s.id = gs.standard_id;
)SQL";

// SQLite's allocations from the block pool where the pool serves operator new (not under the
// sanitizers, which should see them): its 12 000 mallocs and frees for the 98 corpus went
// through glibc's arena, on the thread that builds the database — the serial tail's longest.
int pool_init(void*) { return SQLITE_OK; }
void pool_shutdown(void*) {}
void* pool_malloc(int n) { return block_pool::allocate_any(static_cast<std::size_t>(n)); }
void pool_free(void* p) { block_pool::release(p); }
void* pool_realloc(void* p, int n) { return block_pool::reallocate(p, static_cast<std::size_t>(n)); }
int pool_size(void* p) { return static_cast<int>(block_pool::usable_size(p)); }
int pool_roundup(int n) { return n <= static_cast<int>(block_pool::kLargest) ? (n + 15) & ~15 : n; }
const sqlite3_mem_methods kPoolMethods{pool_malloc, pool_free,     pool_realloc, pool_size,
                                       pool_roundup, pool_init, pool_shutdown, nullptr};

/// SQLite set up for this process before its first use; later calls are refused by SQLite
/// and change nothing (a test that used it first keeps its settings).
void configure_sqlite_once() {
  static const bool done = [] {
    if (block_pool::serves_operator_new()) sqlite3_config(SQLITE_CONFIG_MALLOC, &kPoolMethods);
    // Allocation statistics take a global mutex around every malloc: off. Locking was a
    // tenth of building kvs.sqlite.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)done;
}

/// The in-memory database with kvs.sqlite's schema, a transaction open.
struct Db {
  sqlite3* db = nullptr;
  Db() {
    // One thread at a time uses the connection and nobody else sees it: no connection mutex.
    configure_sqlite_once();
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      if (db) sqlite3_close(db);
      throw std::runtime_error("sqlite3_open");
    }
    try {
      exec("PRAGMA foreign_keys = ON;");
      exec(kSchema);
      exec("BEGIN;");
    } catch (...) {
      sqlite3_close(db);
      throw;
    }
  }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db() { sqlite3_close(db); }
  void exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg ? msg : "ukendt fejl";
      sqlite3_free(msg);
      throw std::runtime_error(m);
    }
  }
};

/// A NULL, an integer, a real or a text: one value of a row. Text is borrowed for the
/// length of the call that adds the row (a Table copies it), so a temporary string will do.
struct Value {
  enum Kind { null, integer, real, text } kind = null;
  long long i = 0;
  double d = 0;
  std::string_view s;
  Value() = default;
  Value(std::nullptr_t) {}
  Value(int v) : kind(integer), i(v) {}
  Value(long long v) : kind(integer), i(v) {}
  Value(std::size_t v) : kind(integer), i(static_cast<long long>(v)) {}
  Value(bool v) : kind(integer), i(v ? 1 : 0) {}
  Value(double v) : kind(real), d(v) {}
  Value(const std::string& v) : kind(text), s(v) {}
  Value(std::string_view v) : kind(text), s(v) {}
  Value(const char* v) : kind(text), s(v) {}
};

template <class T>
Value opt(const std::optional<T>& v) {
  return v ? Value(*v) : Value();
}
Value opt_text(const std::string& s) { return s.empty() ? Value() : Value(s); }

/// The rows of one table, inserted kBatch at a time by one multi-row INSERT. A statement's
/// start and end (its cursors, the statement journal, the foreign-key counters) cost more
/// than one of its rows, and building kvs.sqlite is the longest task on a comparison's
/// serial tail. Rows keep their order within the table; text is copied into one buffer, so
/// a row may be added from temporaries. A table that references another flushes that one
/// first, so every foreign key is checked against a parent row already inserted.
class Table {
 public:
  static constexpr std::size_t kBatch = 32;

  /// `insert`: "INSERT INTO t VALUES" or "INSERT INTO t (a, b) VALUES"; `parents`: the
  /// tables its foreign keys reference.
  Table(Db& db, std::string insert, std::size_t columns, std::vector<Table*> parents = {})
      : db_(db), insert_(std::move(insert)), columns_(columns), parents_(std::move(parents)) {}
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  /// Prepares the two statements flush() runs, before there are rows to insert.
  void prepare() {
    statement(kBatch);
    statement(1);
  }
  ~Table() {
    for (auto& [rows, stmt] : statements_) sqlite3_finalize(stmt);
  }

  void operator()(std::initializer_list<Value> row) {
    if (row.size() != columns_) throw std::logic_error("kvs.sqlite: " + insert_ + ": wrong number of values");
    for (const Value& v : row) {
      Stored x{v.kind, v.i, v.d, text_.size(), v.s.size()};
      if (v.kind == Value::text) text_.append(v.s);
      values_.push_back(x);
    }
    if (values_.size() == kBatch * columns_) flush();
  }

  /// Inserts the rows added so far (the parents' first): a full batch by the batch's
  /// statement, a last, shorter one row by row (preparing a statement of its own size would
  /// cost more than it saves).
  void flush() {
    if (values_.empty()) return;
    for (Table* p : parents_) p->flush();
    const std::size_t rows = values_.size() / columns_;
    if (rows == kBatch) {
      run(statement(kBatch), 0, values_.size());
    } else {
      sqlite3_stmt* one = statement(1);
      for (std::size_t r = 0; r < rows; ++r) run(one, r * columns_, columns_);
    }
    values_.clear();
    text_.clear();
  }

 private:
  struct Stored {
    Value::Kind kind;
    long long i;
    double d;
    std::size_t at, size;  ///< of the text in text_
  };

  /// Binds values_[from, from + count) to `stmt` and runs it.
  void run(sqlite3_stmt* stmt, std::size_t from, std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) {
      int i = static_cast<int>(k + 1);
      const Stored& v = values_[from + k];
      int rc = SQLITE_OK;
      switch (v.kind) {
        case Value::null: rc = sqlite3_bind_null(stmt, i); break;
        case Value::integer: rc = sqlite3_bind_int64(stmt, i, v.i); break;
        case Value::real: rc = sqlite3_bind_double(stmt, i, v.d); break;
        case Value::text:
          // SQLITE_STATIC: text_ is not touched until the statement has run.
          rc = sqlite3_bind_text(stmt, i, text_.data() + v.at, static_cast<int>(v.size), SQLITE_STATIC);
          break;
      }
      if (rc != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_.db));
    }
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_.db));
  }

  /// The INSERT of `rows` rows (a batch, or one), prepared once.
  sqlite3_stmt* statement(std::size_t rows) {
    for (auto& [n, stmt] : statements_)
      if (n == rows) return stmt;
    std::string tuple = "(";
    for (std::size_t c = 0; c < columns_; ++c) tuple += c ? ",?" : "?";
    tuple += ')';
    std::string sql = insert_;
    for (std::size_t r = 0; r < rows; ++r) sql += (r ? "," : " ") + tuple;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_.db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(db_.db));
    statements_.emplace_back(rows, stmt);
    return stmt;
  }

  Db& db_;
  std::string insert_;
  std::size_t columns_;
  std::vector<Table*> parents_;
  std::vector<Stored> values_;
  std::string text_;
  std::vector<std::pair<std::size_t, sqlite3_stmt*>> statements_;
};

std::string frequency_words(const std::vector<model::Frequency>& v) { return word_list(v); }

}  // namespace

/// The database and one Table per table, in the order the schema makes them.
struct DatabaseDraft::Impl {
  Db db;
  Table meta{db, "INSERT INTO meta VALUES", 2};
  Table sg{db, "INSERT INTO statutory_groups VALUES", 5};
  Table st{db, "INSERT INTO standards VALUES", 23};
  Table tg{db, "INSERT INTO target_groups VALUES", 10, {&st}};
  Table gs{db, "INSERT INTO group_statutory VALUES", 3, {&sg}};
  Table of{db, "INSERT INTO offers VALUES", 7, {&st, &sg}};
  Table inv{db, "INSERT INTO invitations VALUES", 4};
  Table mt{db, "INSERT INTO meetings VALUES", 6};
  Table rg{db, "INSERT INTO risk_groups VALUES", 6};
  Table rc{db, "INSERT INTO risk_categories VALUES", 3};
  Table ex{db, "INSERT INTO exclusions VALUES", 8};
  Table fi{db, "INSERT INTO files VALUES", 4, {&st}};
  Table fd{db,
           "INSERT INTO findings (standard_id, path, rule, severity, line, col, message, provision, law_version, "
           "acknowledged, acknowledgement) VALUES",
           11,
           {&st}};
  Table ch{db, "INSERT INTO changes VALUES", 8, {&st}};
  Table nf{db, "INSERT INTO national_figures VALUES", 17};
  bool finished = false;

  std::vector<Table*> tables() {
    return {&meta, &sg, &st, &tg, &gs, &of, &inv, &mt, &rg, &rc, &ex, &fi, &fd, &ch, &nf};
  }
};

DatabaseDraft::DatabaseDraft() : impl_(std::make_unique<Impl>()) {
  for (Table* t : impl_->tables()) t->prepare();
}
DatabaseDraft::~DatabaseDraft() = default;
DatabaseDraft::DatabaseDraft(DatabaseDraft&&) noexcept = default;
DatabaseDraft& DatabaseDraft::operator=(DatabaseDraft&&) noexcept = default;

std::string DatabaseDraft::finish(const CompareResult& r, const NationalFigures& figures, const ReportInfo& info) {
  if (!impl_ || impl_->finished) throw std::logic_error("kvs.sqlite: a draft is finished once");
  impl_->finished = true;
  Impl& x = *impl_;
  Table &meta = x.meta, &sg = x.sg, &st = x.st, &tg = x.tg, &gs = x.gs, &of = x.of, &inv = x.inv, &mt = x.mt,
        &rg = x.rg, &rc = x.rc, &ex = x.ex, &fi = x.fi, &fd = x.fd, &ch = x.ch, &nf = x.nf;

  meta({"kvs_version", info.version});
  meta({"generated", info.generated});
  meta({"check_date", r.check_date.iso()});
  meta({"check_date_given", r.check_date_given ? "ja" : "nej"});
  meta({"files", r.files});
  meta({"national_figures_source", figures.source});
  meta({"statutory_groups_law_version", figures.law_version});

  for (std::size_t i = 0; i < figures.groups.size(); ++i) {
    const auto& g = figures.groups[i];
    sg({g.id, g.name, g.rule, figures.law_version, i + 1});
  }
  meta.flush();
  sg.flush();

  for (std::size_t k = 0; k < r.rows.size(); ++k) {
    const StandardRow& row = r.rows[k];
    long long id = static_cast<long long>(k + 1);
    st({id,
        row.display_path,
        row.municipality,
        opt_text(row.service),
        std::string(model::word_of(row.scheme)),
        opt(row.year),
        row.period_start ? Value(row.period_start->iso()) : Value(),
        row.period_end ? Value(row.period_end->iso()) : Value(),
        row.approved ? Value(row.approved->iso()) : Value(),
        opt_text(row.approved_by),
        join_list(row.law_versions, " + "),
        row.law_basis,
        row.law_reason,
        row.individual_alternative,
        row.follow_up,
        described_word(row.competences),
        row.self_referral,
        purpose_word(row.purpose),
        opt_text(join_list(row.purpose_terms, ", ")),
        row.fejl,
        row.advarsel,
        row.raad,
        row.acknowledged});
    for (const auto& g : row.groups) {
      std::string enrolment = g.enrolment ? std::string(model::word_of(*g.enrolment)) : "";
      tg({id, g.id, opt_text(g.title), opt_text(g.ages), opt_text(g.conditions),
          opt_text(frequency_words(g.frequency)), opt_text(enrolment), g.needs_alternative, g.has_alternative,
          g.line});
      for (const auto& s : g.statutory) gs({id, g.id, s});
      for (std::size_t i = 0; i < g.invitations.size(); ++i)
        inv({id, g.id, i + 1, std::string(model::word_of(g.invitations[i]))});
      for (std::size_t i = 0; i < g.meetings.size(); ++i)
        mt({id, g.id, i + 1, std::string(model::word_of(g.meetings[i].kind)), opt_text(g.meetings[i].label),
            model::is_collective(g.meetings[i].kind)});
    }
    for (const auto& o : row.offers)
      of({id, o.statutory, offer_word(o.offer), opt_text(join_list(o.groups, ", ")),
          opt_text(word_list(o.invitations)), opt_text(word_list(o.meetings)), alternative_word(o)});
    for (std::size_t i = 0; i < row.risks.size(); ++i) {
      const auto& x = row.risks[i];
      rg({id, i + 1, opt_text(x.title), std::string(model::word_of(x.category)), opt_text(x.group), x.line});
    }
    for (const auto& c : row.categories) rc({id, std::string(model::word_of(c.category)), c.source});
    for (std::size_t i = 0; i < row.exclusions.size(); ++i) {
      const auto& e = row.exclusions[i];
      ex({id, i + 1, word_list(e.grounds), opt_text(e.narrowing), legality_word(e.legality), e.acknowledged,
          e.case_by_case, e.line});
    }
    fi({row.display_path, "sammenlignet", id, nullptr});
    for (const auto& f : row.findings)
      fd({id, row.display_path, f.rule, severity_word(f.severity), f.line ? Value(f.line) : Value(),
          f.column ? Value(f.column) : Value(), f.message, opt_text(f.citation), opt_text(f.law_version),
          f.acknowledged, opt_text(f.acknowledgement)});
  }
  for (const auto& s : r.skipped) {
    fi({s.path, "sprunget over", nullptr, s.reason});
    for (const auto& f : s.diagnostics)
      fd({nullptr, s.path, f.rule, severity_word(f.severity), f.line ? Value(f.line) : Value(),
          f.column ? Value(f.column) : Value(), f.message, opt_text(f.citation), opt_text(f.law_version),
          f.acknowledged, opt_text(f.acknowledgement)});
  }

  for (const auto& s : r.series)
    for (std::size_t k = 0; k < s.steps.size(); ++k)
      for (std::size_t i = 0; i < s.steps[k].size(); ++i) {
        const Change& c = s.steps[k][i];
        ch({s.municipality, s.rows[k] + 1, s.rows[k + 1] + 1, i + 1, c.dimension, opt_text(c.before),
            opt_text(c.after), c.summary});
      }

  for (const auto& f : figures.figures)
    for (std::size_t i = 0; i < f.values.size(); ++i) {
      const auto& v = f.values[i];
      LocalShare share = local_share(r, f, v);
      nf({f.id, f.title, i + 1, v.metric, opt_text(v.group), opt_text(v.category), v.label, opt(v.percent),
          opt(v.count), v.approximate, opt_text(v.text), f.basis->n, f.basis->name, f.basis->year, v.lines, share.k,
          share.n});
    }
  for (Table* t : x.tables()) t->flush();
  x.db.exec("COMMIT;");

  sqlite3_int64 size = 0;
  unsigned char* bytes = sqlite3_serialize(x.db.db, "main", &size, 0);
  if (!bytes) throw std::runtime_error("sqlite3_serialize");
  std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
  sqlite3_free(bytes);
  return out;
}

std::string database_bytes(const CompareResult& r, const NationalFigures& figures, const ReportInfo& info,
                           std::string& error, std::future<DatabaseDraft> draft) {
  try {
    return (draft.valid() ? draft.get() : DatabaseDraft()).finish(r, figures, info);
  } catch (const std::exception& e) {
    error = e.what();
    return {};
  }
}

}  // namespace kvs::compare
