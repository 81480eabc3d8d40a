// libFuzzer target: parseMysqlJson on arbitrary bytes, then derive, insights and rendering.
// A PlanError is a correct answer; anything else (crash, sanitizer report, abort) is a bug.
#include "fuzz_common.h"

using namespace dbt::plans;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::asText(data, size);
    try {
        Plan plan = parseMysqlJson(text);
        fuzz::exercise(plan);
    } catch (const PlanError&) {
    }
    return 0;
}
