// A stable JSON dump of the model (`kvs model FILE`): what the golden tests compare, and
// what `fmt` is checked against (the model of fmt(x) must equal the model of x, so the
// dump leaves out source positions unless asked for them).
#pragma once

#include <string>

#include "standard.hpp"

namespace kvs::model {

/// With `file`, items carry the line they start on; without, the dump is position-free.
std::string dump_json(const Standard& s, const SourceFile* file = nullptr);

}  // namespace kvs::model
