// Include guard rather than #pragma once: moc output reaches these headers by
// more than one path, which defeats #pragma once under clang.
#ifndef TP_LLM_PROVIDERFROMSETTINGS_H
#define TP_LLM_PROVIDERFROMSETTINGS_H

#include "LlmTypes.h"

#include <QString>

namespace tp {
class SecretStore;
class Settings;
} // namespace tp

namespace tp::llm {

// The provider the user chose in the settings, with its key from the
// keychain. Nothing configured: the offline planner. When a provider that
// needs a key has none (no keychain, nothing saved, a keychain error), the
// config comes back without a key and `problem` (when given) says in words
// what is wrong; otherwise `problem` is cleared. The key is never logged.
// SecretStore::read is synchronous: on the GUI thread it runs a short local
// event loop, which is what the keychain's own jobs require.
ProviderConfig providerFromSettings(const Settings& settings, const SecretStore& secrets,
                                    QString* problem = nullptr);

} // namespace tp::llm

#endif // TP_LLM_PROVIDERFROMSETTINGS_H
