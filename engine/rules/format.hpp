// `reckon fmt`: rules files in one canonical layout, so two authors' files diff by
// what they say, not by how they spaced it. The formatter changes only blanks: the
// tokens and the line each one is on stay as written (a statement still starts at
// column 1 and continues on indented lines), so the formatted file means exactly what
// the original meant; comments are kept word for word.
#pragma once

#include <string>
#include <string_view>

namespace reckon::rules {

// The canonical layout of a rules file's text (which should parse; the caller checks):
//  - one space between tokens, none inside (), [] or around '.', none before ',' ':'
//    ')' ']', none after a unary minus or between a function's name and its '(';
//    binary operators, '=' and '..' between spaces;
//  - a statement's continuation lines indented by 2, 4, 6... spaces, one step per
//    distinct indentation the author used within that statement (so the nesting shown
//    is kept); an indented comment takes the indentation of the code line after it;
//  - a comment after code two spaces after it; trailing blanks, tabs and CRs gone;
//    runs of blank lines made one, none at the start or the end, one final newline.
// Formatting formatted text changes nothing.
std::string format_rules(std::string_view text);

}  // namespace reckon::rules
