// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliContext.h"
#include "llm/LlmTypes.h"

// The planner's provider on the command line, shared by `chat` and `plan suggest`:
// --provider offline|gemini|openai, --model, --base-url, --no-stream. Without
// --provider the saved settings choose it (`config set llm.*`), as in the
// desktop app. The API key comes from $TRIPPLANNER_LLM_API_KEY, else from the
// keychain; never from an argument.
namespace tp::cli {

void addProviderOptions(CliParser& p);
llm::ProviderConfig providerFromOptions(CliContext& ctx, const QCommandLineParser& p);

} // namespace tp::cli
