// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tp::llm {

// `text` (a server's message) with every word that shares four characters in
// a row with `key` replaced by "[hidden]": a server may quote the key it
// refuses, whole or in part ("sk-ab***wxyz"). Defined in LlmClient.cpp.
QString withoutKey(const QString& text, const QString& key);

} // namespace tp::llm
