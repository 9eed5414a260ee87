// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "llm/LlmTypes.h"

#include <QString>

namespace tp {

class SecretStore;
class Settings;

// The provider the user chose in the settings, with its key from the
// keychain. Nothing configured: the offline planner. When a provider that
// needs a key has none (no keychain, nothing saved, a keychain error), the
// config comes back without a key and `problem` (when given) says in words
// what is wrong; otherwise `problem` is cleared. The key is never logged.
// SecretStore::read is synchronous: on the GUI thread it runs a short local
// event loop, which is what the keychain's own jobs require.
llm::ProviderConfig providerFromSettings(const Settings& settings, const SecretStore& secrets,
                                         QString* problem = nullptr);

} // namespace tp
