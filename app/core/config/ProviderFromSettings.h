// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "llm/LlmTypes.h"

#include <QString>
#include <functional>

class QObject;

namespace tp {

class SecretStore;
class Settings;

// The provider the user chose in the settings, with its key from the
// keychain. Nothing configured: the offline planner. When a provider that
// needs a key has none (no keychain, nothing saved, a keychain error), the
// config comes back without a key and `problem` (when given) says in words
// what is wrong; otherwise `problem` is cleared. The key is never logged.
// Synchronous (SecretStore::read): for the CLI and worker threads.
llm::ProviderConfig providerFromSettings(const Settings& settings, const SecretStore& secrets,
                                         QString* problem = nullptr);

// The same for the GUI thread: the key is read with SecretStore::readAsync and
// `done` gets the config and the problem (empty when none) on `context`'s
// thread, never after `context` is destroyed. The settings are read at once.
void providerFromSettingsAsync(const Settings& settings, const SecretStore& secrets, QObject* context,
                               std::function<void(const llm::ProviderConfig&, const QString& problem)> done);

} // namespace tp
