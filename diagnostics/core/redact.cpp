#include "redact.h"

#include <algorithm>
#include <cstdint>
#include <pg_query.h>
#include <vector>

namespace dbt {

namespace {

// ---------------------------------------------------------------------------------------
// UTF-8

bool isCont(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// Length of the valid sequence at p (1..4), or 0 with `bad` = length of the maximal
// invalid subpart (Unicode's "substitution of maximal subparts" practice).
std::size_t utf8Sequence(const unsigned char* p, std::size_t avail, std::size_t& bad) {
    const unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    bad = 1;
    if (c < 0xC2) // stray continuation byte, or overlong C0/C1 lead
        return 0;
    if (c < 0xE0) {
        return (avail >= 2 && isCont(p[1])) ? 2 : 0;
    }
    if (c < 0xF0) {
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80; // E0: no overlongs
        const unsigned char hi = c == 0xED ? 0x9F : 0xBF; // ED: no surrogates
        if (avail < 2 || p[1] < lo || p[1] > hi)
            return 0;
        bad = 2;
        if (avail < 3 || !isCont(p[2]))
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80; // F0: no overlongs
        const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF; // F4: nothing above U+10FFFF
        if (avail < 2 || p[1] < lo || p[1] > hi)
            return 0;
        bad = 2;
        if (avail < 3 || !isCont(p[2]))
            return 0;
        bad = 3;
        if (avail < 4 || !isCont(p[3]))
            return 0;
        return 4;
    }
    return 0;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD
constexpr std::string_view kTruncatedMarker = "\xE2\x80\xA6[truncated]";

// ---------------------------------------------------------------------------------------
// Token mask

enum Mark : std::uint8_t { Keep = 0, Comment = 1, Literal = 2 };

// One reading of the text. Dialects disagree on a few lexical points; the text is read
// once per plausible dialect and whatever any reading calls a literal or comment is masked.
struct Rules {
    bool backslashEscapes = false;    // 'it\'s' (MySQL; PostgreSQL with
                                      // standard_conforming_strings off)
    bool nestedComments = true;       // /* /* */ */ (PostgreSQL)
    bool hashComments = false;        // # to end of line (MySQL)
    bool doubleQuotedStrings = false; // "text" is a string (MySQL without ANSI_QUOTES)
    bool dollarQuotes = true;         // $tag$ ... $tag$ (PostgreSQL)
};

bool isIdentStart(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool isIdentChar(unsigned char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
}

bool isDigit(unsigned char c) {
    return c >= '0' && c <= '9';
}

bool isHexDigit(unsigned char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isSpace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

class Scanner {
public:
    Scanner(std::string_view text, const Rules& rules, std::vector<std::uint8_t>& marks)
        : s_(text)
        , n_(text.size())
        , rules_(rules)
        , marks_(marks) {}

    void run() {
        std::size_t i = 0;
        while (i < n_) {
            const unsigned char c = at(i);
            if (isSpace(c)) {
                ++i;
            } else if (c == '-' && at(i + 1) == '-') {
                i = lineComment(i);
            } else if (c == '#' && rules_.hashComments && at(i + 1) != '>' && at(i + 1) != '-') {
                i = lineComment(i); // "#>" "#>>" "#-" are PostgreSQL json operators
            } else if (c == '/' && at(i + 1) == '*') {
                i = blockComment(i);
            } else if (c == '\'') {
                i = quoted(i, i, '\'', rules_.backslashEscapes, Literal);
                otherToken();
            } else if (c == '"') {
                i = rules_.doubleQuotedStrings ? quoted(i, i, '"', rules_.backslashEscapes, Literal)
                                               : quoted(i, i, '"', false, Keep);
                otherToken();
            } else if (c == '`') {
                i = quoted(i, i, '`', false, Keep);
                otherToken();
            } else if (c == '$') {
                i = dollar(i);
                otherToken();
            } else if (isDigit(c) || (c == '.' && isDigit(at(i + 1)))) {
                i = number(i);
                otherToken();
            } else if (isIdentStart(c)) {
                const std::size_t j = word(i);
                noteWord(s_.substr(i, j - i));
                i = j;
            } else {
                punctuation(c);
                ++i; // operator, punctuation, placeholder '?', ':name'
            }
        }
    }

private:
    unsigned char at(std::size_t i) const { return i < n_ ? static_cast<unsigned char>(s_[i]) : 0; }

    // ORDER BY / GROUP BY lists: a small integer that is a whole item there ("GROUP BY 1, 2
    // ORDER BY 3 DESC") is a column position, part of the statement's shape and never a value;
    // pg_stat_statements keeps such positions in its texts. Masking them would print
    // "ORDER BY ? DESC", which no reader can follow. Anything else in these lists (an
    // expression, a long number, a number inside parentheses) is masked as usual.
    static bool sameWord(std::string_view a, std::string_view b) {
        if (a.size() != b.size())
            return false;
        for (std::size_t k = 0; k < a.size(); ++k) {
            const unsigned char x = static_cast<unsigned char>(a[k]);
            if ((x >= 'a' && x <= 'z' ? x - 32 : x) != static_cast<unsigned char>(b[k]))
                return false;
        }
        return true;
    }

    static bool endsListItem(std::string_view w) {
        for (std::string_view k :
             {"ASC", "DESC", "NULLS", "LIMIT", "OFFSET", "FETCH", "FOR", "HAVING", "WINDOW",
              "UNION", "EXCEPT", "INTERSECT", "WITH", "ORDER", "RETURNING"}) {
            if (sameWord(w, k))
                return true;
        }
        return false;
    }

    void noteWord(std::string_view w) {
        if (w.find('\'') != std::string_view::npos || w.find('&') != std::string_view::npos) {
            otherToken(); // a prefixed literal (E'..', U&'..')
            return;
        }
        if (sameWord(w, "BY") && (sameWord(prevWord_, "ORDER") || sameWord(prevWord_, "GROUP"))) {
            byDepth_ = depth_;
            itemStart_ = true;
        } else if (depth_ == byDepth_) {
            if (endsListItem(w) && !sameWord(w, "ASC") && !sameWord(w, "DESC") &&
                !sameWord(w, "NULLS"))
                byDepth_ = -1;
            itemStart_ = false;
        }
        prevWord_ = w;
    }

    void otherToken() {
        if (depth_ == byDepth_)
            itemStart_ = false;
        prevWord_ = {};
    }

    void punctuation(unsigned char c) {
        if (c == '(') {
            otherToken();
            ++depth_;
            return;
        }
        if (c == ')') {
            if (depth_ == byDepth_)
                byDepth_ = -1;
            if (depth_ > 0)
                --depth_;
        } else if (c == ';') {
            byDepth_ = -1;
        } else if (c == ',' && depth_ == byDepth_) {
            itemStart_ = true;
            prevWord_ = {};
            return;
        }
        otherToken();
    }

    // Whether the plain integer at [i, j) is a whole ORDER BY / GROUP BY item.
    bool isPosition(std::size_t i, std::size_t j) const {
        if (depth_ != byDepth_ || !itemStart_ || j - i > 4 || at(i) == '0')
            return false;
        for (std::size_t k = i; k < j; ++k) {
            if (!isDigit(at(k)))
                return false;
        }
        std::size_t k = j;
        while (k < n_ && isSpace(at(k)))
            ++k;
        const unsigned char next = at(k);
        if (k >= n_ || next == ',' || next == ')' || next == ';')
            return true;
        if (!isIdentStart(next))
            return false;
        std::size_t e = k;
        while (e < n_ && isIdentChar(at(e)))
            ++e;
        return endsListItem(s_.substr(k, e - k));
    }

    void mark(std::size_t from, std::size_t to, Mark m) {
        for (std::size_t k = from; k < to && k < n_; ++k) {
            if (marks_[k] < m)
                marks_[k] = m;
        }
    }

    std::size_t lineComment(std::size_t i) {
        std::size_t j = i;
        while (j < n_ && s_[j] != '\n' && s_[j] != '\r')
            ++j;
        mark(i, j, Comment);
        return j;
    }

    std::size_t blockComment(std::size_t i) {
        std::size_t j = i + 2;
        int depth = 1;
        while (j < n_) {
            if (rules_.nestedComments && s_[j] == '/' && at(j + 1) == '*') {
                ++depth;
                j += 2;
            } else if (s_[j] == '*' && at(j + 1) == '/') {
                j += 2;
                if (--depth == 0)
                    break;
            } else {
                ++j;
            }
        }
        // The tag dbtriage puts on its own statements says whose they are and nothing else.
        static constexpr std::string_view kOwnTag = "/* dbtriage */";
        if (s_.substr(i, j - i) != kOwnTag)
            mark(i, j, Comment); // unterminated: to the end
        return j;
    }

    // A quoted token opening at `quote` (a prefix such as E or X may start at `from`).
    // Doubled quotes stay inside; with `escapes` a backslash takes the next byte. An
    // unterminated token is masked to the end whatever it is.
    std::size_t quoted(std::size_t from, std::size_t quote, char q, bool escapes, Mark m) {
        std::size_t j = quote + 1;
        while (j < n_) {
            const char c = s_[j];
            if (escapes && c == '\\') {
                j += 2;
            } else if (c == q) {
                if (at(j + 1) == static_cast<unsigned char>(q)) {
                    j += 2;
                } else {
                    ++j;
                    mark(from, j, m);
                    return j;
                }
            } else {
                ++j;
            }
        }
        mark(from, n_, Literal);
        return n_;
    }

    std::size_t dollar(std::size_t i) {
        if (isDigit(at(i + 1))) { // $1 parameter: not a literal
            std::size_t j = i + 1;
            while (isDigit(at(j)))
                ++j;
            return j;
        }
        if (!rules_.dollarQuotes || (i > 0 && isIdentChar(at(i - 1))))
            return i + 1;
        // $tag$ with tag = identifier without '$' (digits not first), or $$
        std::size_t j = i + 1;
        if (isIdentStart(at(j))) {
            while (j < n_ && at(j) != '$' && isIdentChar(at(j)))
                ++j;
        }
        if (at(j) != '$')
            return i + 1;
        const std::string_view tag = s_.substr(i, j - i + 1);
        const std::size_t close = s_.find(tag, j + 1);
        if (close == std::string_view::npos) {
            mark(i, n_, Literal);
            return n_;
        }
        const std::size_t end = close + tag.size();
        mark(i, end, Literal);
        return end;
    }

    std::size_t number(std::size_t i) {
        std::size_t j = i;
        const unsigned char next = at(i + 1);
        if (at(i) == '0' && (next == 'x' || next == 'X' || next == 'b' || next == 'B' ||
                             next == 'o' || next == 'O')) {
            j = i + 2;
            while (isHexDigit(at(j)) || at(j) == '_')
                ++j;
        } else {
            while (isDigit(at(j)) || at(j) == '_')
                ++j;
            if (at(j) == '.' && at(j + 1) != '.') { // "1..5" is a range in some dialects
                ++j;
                while (isDigit(at(j)) || at(j) == '_')
                    ++j;
            }
            if ((at(j) == 'e' || at(j) == 'E') &&
                (isDigit(at(j + 1)) ||
                 ((at(j + 1) == '+' || at(j + 1) == '-') && isDigit(at(j + 2))))) {
                j += 2;
                while (isDigit(at(j)))
                    ++j;
            }
        }
        // Trailing letters glued to a number (1abc, 0x1Fg) are junk or a MySQL name that
        // starts with digits: mask them with the number.
        while (j < n_ && isIdentChar(at(j)) && at(j) != '$')
            ++j;
        if (!isPosition(i, j))
            mark(i, j, Literal);
        return j;
    }

    std::size_t word(std::size_t i) {
        std::size_t j = i;
        while (j < n_ && isIdentChar(at(j)))
            ++j;
        const std::size_t len = j - i;
        if (len == 1 && at(j) == '\'') {
            const unsigned char c = at(i);
            // E'..' escapes, N'..' national, X'..' hex, B'..' bits: the prefix is masked too.
            if (c == 'e' || c == 'E')
                return quoted(i, j, '\'', true, Literal);
            if (c == 'n' || c == 'N' || c == 'x' || c == 'X' || c == 'b' || c == 'B')
                return quoted(i, j, '\'', rules_.backslashEscapes, Literal);
        }
        if (len == 1 && (at(i) == 'u' || at(i) == 'U') && at(j) == '&' && at(j + 1) == '\'')
            return quoted(i, j + 1, '\'', false, Literal); // U&'d\0061t'
        return j; // keyword or identifier; a following quote is scanned on its own
    }

    std::string_view s_;
    std::size_t n_;
    const Rules& rules_;
    std::vector<std::uint8_t>& marks_;
    int depth_ = 0;          // parentheses open
    int byDepth_ = -1;       // depth of the ORDER BY / GROUP BY list being read, or -1
    bool itemStart_ = false; // at the start of one of its items
    std::string_view prevWord_;
};

Rules postgresReading() {
    return Rules{}; // standard_conforming_strings on
}

Rules postgresLegacyReading() {
    Rules r; // standard_conforming_strings off
    r.backslashEscapes = true;
    return r;
}

Rules mysqlReading(bool doubleQuotedStrings, bool dollarQuotes) {
    Rules r;
    r.backslashEscapes = true;
    r.nestedComments = false;
    r.hashComments = true;
    r.doubleQuotedStrings = doubleQuotedStrings;
    r.dollarQuotes = dollarQuotes;
    return r;
}

// The readings of an original text. Auto keeps dollar quotes in its MySQL reading so that
// PostgreSQL function bodies do not count as a disagreement (a MySQL name like $a$ is then
// masked: more than needed, never less).
std::vector<Rules> readings(SqlDialect dialect) {
    switch (dialect) {
    case SqlDialect::MySQL: {
        Rules noBackslash = mysqlReading(true, false); // sql_mode NO_BACKSLASH_ESCAPES
        noBackslash.backslashEscapes = false;
        return {mysqlReading(true, false), noBackslash};
    }
    case SqlDialect::PostgreSQL:
        return {postgresReading(), postgresLegacyReading()};
    case SqlDialect::Auto:
        break;
    }
    return {postgresReading(), mysqlReading(false, true)};
}

std::vector<std::uint8_t> marksOf(std::string_view text, const Rules& rules) {
    std::vector<std::uint8_t> marks(text.size(), Keep);
    Scanner(text, rules, marks).run();
    return marks;
}

// Literals become "?", comments "/* ? */"; a byte is masked when any reading masks it.
std::string emit(std::string_view text, const std::vector<std::vector<std::uint8_t>>& readings) {
    std::vector<std::uint8_t> marks(text.size(), Keep);
    for (const auto& r : readings) {
        for (std::size_t i = 0; i < marks.size(); ++i)
            marks[i] = std::max(marks[i], r[i]);
    }
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::uint8_t m = marks[i];
        if (m == Keep) {
            out += text[i++];
            continue;
        }
        while (i < text.size() && marks[i] == m)
            ++i;
        out += (m == Literal) ? "?" : "/* ? */";
    }
    return out;
}

std::string maskWith(std::string_view text, const std::vector<Rules>& rules) {
    std::vector<std::vector<std::uint8_t>> all;
    all.reserve(rules.size());
    for (const Rules& r : rules)
        all.push_back(marksOf(text, r));
    return emit(text, all);
}

} // namespace

std::string sanitizeText(std::string_view text, std::size_t maxBytes) {
    std::string out;
    out.reserve(std::min(text.size(), maxBytes) + 4);
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    // Stop early once the output is certainly over the cap (it is cut below anyway).
    while (i < n && out.size() <= maxBytes) {
        std::size_t bad = 1;
        const std::size_t len = utf8Sequence(p + i, n - i, bad);
        if (len == 0) {
            out += kReplacement;
            i += bad;
        } else {
            out.append(text.data() + i, len);
            i += len;
        }
    }
    if (out.size() <= maxBytes && i >= n)
        return out;
    const bool withMarker = maxBytes >= kTruncatedMarker.size();
    std::size_t cut = withMarker ? maxBytes - kTruncatedMarker.size() : maxBytes;
    while (cut > 0 && isCont(static_cast<unsigned char>(out[cut])))
        --cut;
    out.resize(cut);
    if (withMarker)
        out += kTruncatedMarker;
    return out;
}

Redacted redactQuery(std::string_view sql, SqlDialect dialect) {
    Redacted result;
    const std::string clean = sanitizeText(sql, std::string::npos);

    // Read the text once per plausible dialect. When the readings disagree (a backslash
    // before a quote, a '#', nested comments) libpg_query would pick PostgreSQL's reading
    // and could keep a MySQL literal as an identifier: mask the union instead.
    const std::vector<Rules> rules = readings(dialect);
    std::vector<std::vector<std::uint8_t>> marks;
    marks.reserve(rules.size());
    for (const Rules& r : rules)
        marks.push_back(marksOf(clean, r));
    const bool agree =
        std::all_of(marks.begin(), marks.end(), [&](const auto& m) { return m == marks.front(); });

    bool parsed = false;
    std::string text;
    // libpg_query reads a C string: a text with a NUL byte would be cut there.
    if (dialect != SqlDialect::MySQL && agree && clean.find('\0') == std::string::npos) {
        PgQueryNormalizeResult r = pg_query_normalize(clean.c_str());
        if (r.error == nullptr && r.normalized_query != nullptr) {
            parsed = true;
            text = r.normalized_query;
        }
        pg_query_free_normalize_result(r);
    }
    if (parsed) {
        // The normaliser leaves comments and the literals of utility statements: mask them.
        text = maskWith(text, {postgresReading(), postgresLegacyReading()});
    } else {
        text = emit(clean, marks);
    }
    text = sanitizeText(text, std::string::npos); // cuts only at ASCII: stays valid anyway
    if (text == sql)
        result.method = RedactMethod::Unchanged;
    else
        result.method = parsed ? RedactMethod::Normalised : RedactMethod::Masked;
    result.text = std::move(text);
    return result;
}

// MySQL/MariaDB lock objects carry the locked key's values ("row (PRIMARY: 'a@b.c') of
// shop.customers"), which can be a customer's data: mask them like literals in a query.
std::string redactLockObject(const std::string& object) {
    static constexpr std::string_view kRow = "row (";
    const auto start = object.find(kRow);
    if (start == std::string::npos)
        return object;
    const auto end = object.rfind(") of ");
    auto close = end != std::string::npos && end > start ? end : object.rfind(')');
    if (close == std::string::npos || close <= start)
        close = object.size(); // cut short: mask everything after "row ("
    const auto inner = start + kRow.size();
    const auto colon = object.find(": ", inner);
    const auto dataStart = colon != std::string::npos && colon < close ? colon + 2 : inner;
    const std::string data = object.substr(dataStart, close - dataStart);
    if (data.empty() || data.find("pseudo-record") != std::string::npos)
        return object;
    return object.substr(0, dataStart) + redactQuery(data, SqlDialect::MySQL).text +
           object.substr(close);
}

} // namespace dbt
