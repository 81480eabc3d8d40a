// The lock objects the engines describe in English ("row (0,42) of public.orders",
// "transaction 827", "page 12 of t", "virtual transaction 5/62"; MySQL/MariaDB "row (PRIMARY:
// 42) of shop.orders") shown in the user's language. The snapshot keeps the English text
// (snapshot.json is English); the shapes below are the ones diagnostics/engines writes
// (pgsession.cpp lockObject, mysqlrows.cpp lockObjectText). Relation, index and key texts
// inside stay as the server named them; a text of another shape is shown as it is.
#pragma once

#include <QString>
#include <string>

namespace dbt::i18n {

QString localizedLockObject(const std::string& english);

} // namespace dbt::i18n
