// Decoding the atoms the grammar recognised: string escapes, prose dedent, numbers,
// ranges and dates. Pure functions of the source text, no Spirit.
#pragma once

#include <string>
#include <string_view>

#include "ast.hpp"

namespace kvs::dsl {

/// Fill in text/number/date members of every atom of a parsed field.
void decode_atoms(const std::string& text, ast::Field& field);
/// Fill in the id and title text of a block header.
void decode_block_header(const std::string& text, ast::Block& block);
/// Decode one atom whose kind and range are set.
void decode_atom(const std::string& text, ast::Atom& atom);
/// Remove the indentation of the closing """ from every line of a prose block's raw
/// content (the text between the quotes), and the blank first and last lines.
std::string dedent_prose(std::string_view raw);

}  // namespace kvs::dsl
