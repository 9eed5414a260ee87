// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for everything that reads model output or user text:
// the JSON extraction and repairs, the destination/question/follow-up parsers,
// the partial-stream field reader and the travel profile rules.
// Build: a clang build of the project (tests/fuzz/CMakeLists.txt); run:
//   fuzz_model_output tests/fuzz/corpus
#include "conversation/ModelOutputParser.h"
#include "conversation/TravelProfile.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace tp::conversation;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 64 * 1024)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    QList<Recommendation> current;
    try {
        const DestinationSet s = parser::parseDestinations(text);
        if (s.places.size() != 3)
            __builtin_trap();
        current = s.places;
    } catch (const PlannerError& e) {
        if (e.kind() != PlannerError::Kind::Unusable)
            __builtin_trap();
    }
    try {
        const QStringList q = parser::parseQuestions(text);
        if (q.isEmpty() || q.size() > 5)
            __builtin_trap();
    } catch (const PlannerError&) {
    }
    try {
        const FollowUp f = parser::parseFollowUp(text, current);
        if (f.kind == FollowUp::Kind::Commit && (f.choice < 0 || f.choice >= current.size()))
            __builtin_trap();
    } catch (const PlannerError&) {
    }
    (void)parser::partialStringField(text, u"intro"_s);
    (void)parser::partialStringField(text, u"reply"_s);
    const TravelProfile p = TravelProfile::fromText(text);
    (void)p.summary();
    (void)p.perPersonPerDay();
    return 0;
}
