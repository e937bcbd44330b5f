#include "model/article.hpp"
#include "model/claim.hpp"

namespace reckon {

std::string_view to_string(date_source s) {
    switch (s) {
    case date_source::header: return "header";
    case date_source::dateline: return "dateline";
    case date_source::column: return "column";
    case date_source::field: return "field";
    case date_source::none: break;
    }
    return "none";
}

std::string_view to_string(claim_kind k) { return k == claim_kind::cumulative ? "cumulative" : "incident"; }

std::string_view to_string(outcome o) {
    switch (o) {
    case outcome::injured: return "injured";
    case outcome::missing: return "missing";
    case outcome::killed: break;
    }
    return "killed";
}

std::string_view to_string(qualifier q) {
    switch (q) {
    case qualifier::at_least: return "at_least";
    case qualifier::more_than: return "more_than";
    case qualifier::about: return "about";
    case qualifier::up_to: return "up_to";
    case qualifier::range: return "range";
    case qualifier::vague: return "vague";
    case qualifier::exact: break;
    }
    return "exact";
}

}  // namespace reckon
