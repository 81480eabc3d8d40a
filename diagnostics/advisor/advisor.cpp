#include "advisor/advisor.h"

#include "advisor/mysqladvisor.h"

#include <algorithm>
#include <cctype>

namespace dbt::advisor {

namespace {

bool startsWithNoCase(const std::string& text, const std::string& prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           });
}

} // namespace

bool isMysqlTarget(const std::string& target) {
    return startsWithNoCase(target, "mysql://") || startsWithNoCase(target, "mariadb://");
}

Advice advise(const AdvisorOptions& options, const std::vector<WorkloadStatement>& workload) {
    if (isMysqlTarget(options.connect.target))
        return adviseMySql(options, workload);
    return advisePostgres(options, workload);
}

} // namespace dbt::advisor
