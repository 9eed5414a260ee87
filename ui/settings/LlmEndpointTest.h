// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"

#include <QCoreApplication>
#include <QString>
#include <atomic>

namespace tp::ui {

struct LlmTestResult {
    enum class Outcome {
        Ok,
        NotNeeded,
        KeyRejected,
        Quota,
        ServerError,
        NotFound,
        Rejected,
        Offline,
        Cancelled
    };
    Outcome outcome = Outcome::Offline;
    int httpStatus = 0;
    double elapsedMs = 0;
    QString message; // in words; never contains the key
};

// Sends one tiny request to the configured provider and says how it went.
// Blocking: call it on a worker thread (it creates its QNetworkAccessManager
// on the calling thread). `cancel`, when set, aborts the request.
//   Gemini:            POST {base}/v1beta/models/{model}:generateContent, header x-goog-api-key
//   OpenAI-compatible: POST {base}/chat/completions, Authorization: Bearer
class LlmEndpointTest {
    Q_DECLARE_TR_FUNCTIONS(tp::ui::LlmEndpointTest)
public:
    static LlmTestResult run(const LlmSettings& settings, const QString& apiKey,
                             const std::atomic<bool>* cancel = nullptr, int timeoutMs = 30000);
    static QByteArray userAgent();
};

} // namespace tp::ui
