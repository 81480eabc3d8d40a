#include "message.h"

#include "textutil.h"

#include <fmt/format.h>

namespace dbt {

Message phrase(const char* context, const char* text, std::vector<Message> args) {
    Message m;
    m.kind = Message::Kind::Text;
    m.context = context;
    m.text = text;
    m.args = std::move(args);
    return m;
}

Message literal(std::string text) {
    Message m;
    m.text = std::move(text);
    return m;
}

Message figure(std::string english) {
    Message m = literal(std::move(english));
    m.figure = true;
    return m;
}

Message lockObject(std::string english) {
    Message m = literal(std::move(english));
    m.lockObject = true;
    return m;
}

Message literal(std::int64_t number) {
    return literal(std::to_string(number));
}

Message count(std::int64_t n) {
    Message m;
    m.kind = Message::Kind::Count;
    m.count = n;
    return m;
}

Message decimal(double value, char format, int precision) {
    Message m;
    m.kind = Message::Kind::Decimal;
    m.number = value;
    m.format = format == 'g' ? 'g' : 'f';
    m.precision = precision < 0 ? 0 : precision;
    return m;
}

std::string englishText(const Message& message) {
    switch (message.kind) {
    case Message::Kind::Literal:
        return message.text;
    case Message::Kind::Count:
        return formatCount(message.count);
    case Message::Kind::Decimal:
        return message.format == 'g' ? fmt::format("{:.{}g}", message.number, message.precision)
                                     : fmt::format("{:.{}f}", message.number, message.precision);
    case Message::Kind::Text:
        break;
    }
    const std::string& t = message.text;
    std::string out;
    out.reserve(t.size() + 32);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
            const std::size_t n = static_cast<std::size_t>(t[i + 1] - '1');
            if (n < message.args.size()) {
                out += englishText(message.args[n]);
                ++i;
                continue;
            }
        }
        out += t[i];
    }
    return out;
}

} // namespace dbt
