// What every HTML page of the reports shares: the page frame (style, the
// content-security policy that keeps the pages offline) and JSON values as text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace reckon::report::html {

// A whole page: `extra_style` is added to the shared style sheet.
std::string page(const std::string& title, const std::string& body, std::string_view extra_style = {});
// A JSON value as text ("" for null), and the same escaped for HTML.
std::string str(const json& j);
std::string esc(const json& j);
std::optional<std::int64_t> number_of(const json& j);

}  // namespace reckon::report::html
