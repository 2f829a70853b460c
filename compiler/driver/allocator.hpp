#pragma once

namespace kvs {

// Tells the C library's allocator how this program uses memory; called first thing in
// main(). See allocator.cpp for why and what it measured.
void tune_allocator();

}  // namespace kvs
