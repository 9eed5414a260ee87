// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationEngine.h"

#include "Catalogue.h"
#include "TravelProfile.h"
#include "domain/Stages.h"
#include "domain/Validation.h"
#include "geo/CoordinateCheck.h"
#include "geo/Gazetteer.h"
#include "geo/WorldData.h"
#include "repo/ConversationRepository.h"
#include "repo/CoordinateSourceRepository.h"
#include "repo/DestinationRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/PreferencesRepository.h"
#include "repo/TripRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::conversation {

namespace stage {
const QString initial = u"initial"_s;
const QString generatingQuestions = u"generating_questions"_s;
const QString asking = u"asking_clarifications"_s;
const QString generatingDestinations = u"generating_destinations"_s;
const QString complete = u"destinations_complete"_s;
const QString committed = u"commitment_detected"_s;
} // namespace stage

namespace {
constexpr int ContextMessages = 12;
const QString learnedMarker = u"[Learned by the trip planner]"_s;

QList<Recommendation> recommendationsOf(const QJsonArray& locations) {
    QList<Recommendation> out;
    for (const QJsonValue& v : locations)
        if (v.isObject())
            out << Recommendation::fromJson(v.toObject());
    return out;
}

std::optional<Decimal> decimalOf(std::optional<double> v, int precision, int scale) {
    if (!v)
        return std::nullopt;
    return Decimal::parse(QString::number(*v, 'f', scale), precision, scale);
}

QString withLearned(const QString& preferences, const QString& summary) {
    QString kept = preferences;
    const qsizetype at = kept.indexOf(learnedMarker);
    if (at >= 0)
        kept = kept.left(at);
    kept = kept.trimmed();
    if (summary.isEmpty())
        return kept;
    return (kept.isEmpty() ? QString() : kept + u"\n\n"_s) + learnedMarker + u'\n' + summary;
}

// A description fit for the shared catalogue: the bundled catalogue's own
// words for a place it knows; otherwise the planner's sentences minus those
// addressed to the user or about their budget, dates or party.
QString catalogueDescription(const Recommendation& r) {
    if (const auto e = Catalogue::builtin().find(r.name, r.country))
        return e->neutralDescription();
    static const QRegularExpression sentenceEnd(uR"((?<=[.!?])\s+)"_s);
    static const QRegularExpression personal(
        uR"(\b(?:you|your|you're|yours|budget|per person|a day per|trip|travell?ers?|couple|family|kids|honeymoon|we|our|us)\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    QStringList kept;
    for (const QString& sentence : r.description.split(sentenceEnd, Qt::SkipEmptyParts))
        if (!personal.match(sentence).hasMatch())
            kept << sentence.trimmed();
    return kept.join(u' ');
}

// Whether a recommendation's coordinates are the model's own rather than the
// bundled catalogue's (which enrichFromCatalogue copies in when the model gave none).
bool coordinatesFromModel(const Recommendation& r) {
    if (!r.latitude || !r.longitude)
        return false;
    const auto e = Catalogue::builtin().find(r.name, r.country);
    return !e || std::abs(e->latitude - *r.latitude) > 1e-6 || std::abs(e->longitude - *r.longitude) > 1e-6;
}

// Model coordinates that fall in the sea or in another country are not stored:
// the gazetteer's position for the place replaces them when it knows the place,
// otherwise the destination is stored without coordinates. Returns the sentence
// that tells the user, or an empty string when the coordinates were kept.
QString checkModelCoordinates(Destination& d, QString* gazetteerPlace) {
    const geo::CoordinateCheck check = geo::checkCoordinate(*d.latitude, *d.longitude, d.country);
    if (!check.flagged())
        return {};
    d.latitude.reset();
    d.longitude.reset();
    const QString name = d.name;
    const QString why = check.message().chopped(check.message().endsWith(u'.') ? 1 : 0);
    const auto match = geo::Gazetteer::instance().resolve(d.name, d.country);
    if (match && match->kind == geo::GeoMatch::Kind::City) {
        d.latitude = match->latitude();
        d.longitude = match->longitude();
        *gazetteerPlace = u"%1, %2"_s.arg(match->name, match->countryName);
        return QCoreApplication::translate(
                   "tp::Conversation", "The planner's coordinates for %1 looked wrong (%2) and were not "
                                       "kept; the offline gazetteer's position for %3, %4 is used instead.")
            .arg(name, why, match->name, match->countryName);
    }
    return QCoreApplication::translate(
               "tp::Conversation", "The planner's coordinates for %1 looked wrong (%2) and were not kept.")
        .arg(name, why);
}
} // namespace

QString appendAnswer(const QString& userInfo, const QString& answer) {
    const QString a = answer.trimmed();
    const QString u = userInfo.trimmed();
    if (u.isEmpty())
        return a;
    if (a.isEmpty())
        return u;
    const QChar last = u.back();
    return u + (last == u'.' || last == u'!' || last == u'?' ? u" "_s : u". "_s) + a;
}

void enrichFromCatalogue(QList<Recommendation>& places) {
    const Catalogue& c = Catalogue::builtin();
    for (Recommendation& r : places) {
        auto e = c.find(r.name, r.country);
        if (!e)
            continue;
        if (r.country.isEmpty())
            r.country = e->country;
        if (!r.latitude || !r.longitude) {
            r.latitude = e->latitude;
            r.longitude = e->longitude;
        }
        if (r.bestTimeToVisit.isEmpty())
            r.bestTimeToVisit = e->bestTimeToVisit;
        if (!r.dailyCostUsd)
            r.dailyCostUsd = e->dailyCostUsd;
    }
}

struct ConversationEngine::Snapshot {
    Trip trip;
    std::optional<Conversation> conversation;
    ConversationState state;
    UserPreferences preferences;
    std::optional<UserPreferences> preferencesRow; // as read, when the row exists
    QList<Message> recent;
    QList<Recommendation> current;
    QStringList everRecommended;
};

ConversationEngine::ConversationEngine(Database& db, Id userId, Planner& planner)
    : m_db(db)
    , m_userId(userId)
    , m_planner(planner) {}

// The one read before the model call (ConversationRepository::readForTurn).
// The last ContextMessages messages come newest-first under a LIMIT, so no count is needed.
ConversationEngine::Snapshot ConversationEngine::read(Id tripId) {
    TurnInputs in = ConversationRepository(m_db, m_userId).readForTurn(tripId, ContextMessages);
    Snapshot s;
    s.trip = std::move(in.trip);
    s.conversation = in.conversation;
    s.preferencesRow = in.preferences;
    if (in.preferences)
        s.preferences = *in.preferences; // otherwise the defaults a new row gets
    if (!s.conversation)
        return s; // a fresh initial state, stored by the first turn
    if (in.state)
        s.state = *in.state;
    else
        s.state.conversationId = s.conversation->id; // created with the first turn's write
    s.recent = std::move(in.recent);
    if (!in.history.isEmpty())
        s.current = recommendationsOf(in.history.first().locations);
    for (const Recommendations& r : in.history)
        for (const Recommendation& p : recommendationsOf(r.locations))
            s.everRecommended << p.name;
    return s;
}

PlannerContext ConversationEngine::contextOf(const Snapshot& s) const {
    PlannerContext ctx;
    ctx.userInfo = s.state.userInfo;
    ctx.preferencesText = s.preferences.preferencesText;
    ctx.budgetMin = s.preferences.budgetMin;
    ctx.budgetMax = s.preferences.budgetMax;
    ctx.preferredGroupSize = s.preferences.preferredGroupSize;
    ctx.trip = s.trip;
    ctx.recentMessages = s.recent;
    ctx.current = s.current;
    ctx.excluded = s.everRecommended;
    return ctx;
}

ConversationView ConversationEngine::load(Id tripId) {
    ConversationView v;
    v.trip = TripRepository(m_db, m_userId).get(tripId);
    ConversationRepository conversations(m_db, m_userId);
    v.conversation = conversations.findForTrip(tripId);
    if (!v.conversation)
        return v;
    if (auto st = conversations.state(v.conversation->id))
        v.state = *st;
    v.messages = conversations.messages(v.conversation->id);
    const QList<Recommendations> history = conversations.recommendationHistory(v.conversation->id);
    if (!history.isEmpty())
        v.latestRecommendations = history.first();
    return v;
}

QString ConversationEngine::formatRecommendations(const DestinationSet& set) const {
    QStringList lines;
    lines << (set.intro.isEmpty()
                  ? QCoreApplication::translate("tp::Conversation",
                                                "Here are three destinations that fit what you told me:")
                  : set.intro);
    lines << QString();
    for (int i = 0; i < set.places.size(); ++i) {
        const Recommendation& r = set.places[i];
        lines << u"%1. **%2**: %3"_s.arg(i + 1).arg(r.label(), r.description);
    }
    lines << QString();
    lines << QCoreApplication::translate("tp::Conversation",
                                         "Ask me about any of them, ask for different options, "
                                         "or say \"let's go with\" and a name to choose.");
    return lines.join(u'\n');
}

TurnResult ConversationEngine::submit(Id tripId, const QString& rawText) {
    const QString text = rawText.trimmed();
    if (text.isEmpty())
        throw Error::validation(u"content"_s,
                                QCoreApplication::translate("tp::Conversation", "Type a message first."));
    validation::require(validation::checkMessageText(text));

    Snapshot s = read(tripId);
    ConversationState next = s.state;
    PlannerContext ctx = contextOf(s);
    std::optional<DestinationSet> made;
    int commitIndex = -1;
    QString reply;

    auto generateDestinations = [&](bool other) {
        ctx.userInfo = next.userInfo;
        if (!other)
            ctx.current.clear();
        DestinationSet set = m_planner.destinations(ctx);
        enrichFromCatalogue(set.places);
        next.currentStage = stage::complete;
        next.destinationsText = set.raw;
        reply = formatRecommendations(set);
        made = set;
    };

    const QString& st = s.state.currentStage;
    const bool askingWithQueue =
        (st == stage::asking || st == stage::generatingQuestions) && !s.state.questionQueue.isEmpty();
    if (st == stage::initial || (st == stage::generatingQuestions && !askingWithQueue)) {
        next.userInfo = appendAnswer(s.state.userInfo, text);
        ctx.userInfo = next.userInfo;
        const QStringList questions = m_planner.clarifyingQuestions(ctx);
        if (questions.isEmpty())
            throw PlannerError(
                PlannerError::Kind::Unusable,
                QCoreApplication::translate("tp::Conversation", "The planner asked no questions."));
        next.currentStage = stage::asking;
        next.questionQueue = QJsonArray::fromStringList(questions);
        next.totalQuestions = int(questions.size());
        next.questionsAsked = 0;
        next.currentQuestionIndex = 0;
        reply = QCoreApplication::translate("tp::Conversation",
                                            "Thanks! To find the right places for you I have %1 quick "
                                            "questions.\n\n(1/%1) %2")
                    .arg(questions.size())
                    .arg(questions.first());
    } else if (askingWithQueue || st == stage::asking) {
        next.userInfo = appendAnswer(s.state.userInfo, text);
        QJsonArray queue = s.state.questionQueue;
        if (!queue.isEmpty())
            queue.removeFirst();
        next.questionQueue = queue;
        next.questionsAsked = s.state.questionsAsked + 1;
        next.currentQuestionIndex = s.state.currentQuestionIndex + 1;
        next.totalQuestions = std::max(next.totalQuestions, next.questionsAsked);
        if (!queue.isEmpty()) {
            reply = u"(%1/%2) %3"_s.arg(next.questionsAsked + 1)
                        .arg(next.totalQuestions)
                        .arg(queue.first().toString());
        } else {
            generateDestinations(false);
        }
    } else if (st == stage::generatingDestinations) {
        next.userInfo = appendAnswer(s.state.userInfo, text);
        generateDestinations(false);
    } else { // destinations_complete, commitment_detected
        if (s.current.isEmpty()) {
            generateDestinations(false);
        } else {
            const FollowUp f = m_planner.followUp(ctx, text);
            switch (f.kind) {
            case FollowUp::Kind::MoreOptions:
                // Anything new the request says about the trip ("something
                // closer, we start from Berlin") counts from now on.
                if (!TravelProfile::fromText(text).isEmpty())
                    next.userInfo = appendAnswer(s.state.userInfo, text);
                generateDestinations(true);
                if (!f.reply.isEmpty() && !made->intro.isEmpty())
                    reply = f.reply + u"\n\n"_s + reply;
                break;
            case FollowUp::Kind::Commit:
                if (f.choice < 0 || f.choice >= s.current.size())
                    throw PlannerError(
                        PlannerError::Kind::Unusable,
                        QCoreApplication::translate(
                            "tp::Conversation", "The planner chose a destination it had not recommended."));
                commitIndex = f.choice;
                next.currentStage = stage::committed;
                reply = f.reply.isEmpty()
                            ? QCoreApplication::translate("tp::Conversation", "Great choice: %1 it is!")
                                  .arg(s.current[f.choice].label())
                            : f.reply;
                break;
            case FollowUp::Kind::Answer:
                reply = f.reply;
                break;
            }
        }
    }
    if (reply.trimmed().isEmpty())
        throw PlannerError(PlannerError::Kind::Unusable,
                           QCoreApplication::translate("tp::Conversation", "The planner's reply was empty."));
    return writeTurn(s, text, reply, next, made, commitIndex, s.current);
}

TurnResult ConversationEngine::choose(Id tripId, int index) {
    Snapshot s = read(tripId);
    if (s.state.currentStage != stage::complete && s.state.currentStage != stage::committed)
        throw Error(Error::Kind::Conflict,
                    QCoreApplication::translate("tp::Conversation",
                                                "There are no recommendations to choose from yet."));
    if (index < 0 || index >= s.current.size())
        throw Error::validation(u"choice"_s, QCoreApplication::translate(
                                                 "tp::Conversation", "Choose one of the %1 recommendations.")
                                                 .arg(s.current.size()));
    ConversationState next = s.state;
    next.currentStage = stage::committed;
    const Recommendation& r = s.current[index];
    return writeTurn(
        s, QCoreApplication::translate("tp::Conversation", "Let's go with %1.").arg(r.label()),
        QCoreApplication::translate(
            "tp::Conversation",
            "Great choice: %1 it is! I've set it as your trip's destination. Next up: where to stay.")
            .arg(r.label()),
        next, std::nullopt, index, s.current);
}

TurnResult ConversationEngine::write(Snapshot& s, const QString& userText, const QString& reply,
                                     ConversationState next, const std::optional<DestinationSet>& made,
                                     int commitIndex, const QList<Recommendation>& commitFrom) {
    // Checked before the transaction: nothing is written for a choice that cannot be stored.
    std::optional<Destination> draft;
    // Where the draft's coordinates came from: the bundled catalogue unless the model gave its own.
    CoordinateOrigin draftOrigin = CoordinateOrigin::Catalogue;
    QString draftOriginDetail;
    QString replyText = reply;
    if (commitIndex >= 0) {
        QList<Recommendation> one{commitFrom[commitIndex]};
        enrichFromCatalogue(one);
        const Recommendation& r = one.first();
        if (r.country.trimmed().isEmpty())
            throw PlannerError(
                PlannerError::Kind::Unusable,
                QCoreApplication::translate(
                    "tp::Conversation",
                    "The planner did not say which country %1 is in, so it cannot be saved as the "
                    "destination. Ask about it or choose another.")
                    .arg(r.name));
        Destination d;
        d.name = r.name;
        d.country = r.country;
        // The catalogue row is shared by every user and the web app: it gets
        // what the place is, never what the planner said about it for this
        // trip ("…within your budget"), which stays in the recommendations.
        d.description = catalogueDescription(r);
        d.bestTimeToVisit = r.bestTimeToVisit.left(validation::BestTimeMaxLength);
        d.latitude =
            decimalOf(r.latitude, decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale);
        d.longitude =
            decimalOf(r.longitude, decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale);
        d.averageCostPerDay =
            decimalOf(r.dailyCostUsd, decimal_shape::DailyCostPrecision, decimal_shape::MoneyScale);
        if (d.hasCoordinates() && coordinatesFromModel(r)) {
            QString gazetteerPlace;
            const QString note = checkModelCoordinates(d, &gazetteerPlace);
            if (!note.isEmpty())
                replyText += u"\n\n"_s + note;
            draftOrigin = gazetteerPlace.isEmpty() ? CoordinateOrigin::Model : CoordinateOrigin::Gazetteer;
            draftOriginDetail = gazetteerPlace;
        }
        draft = d;
    }

    m_attempted.reset();
    return m_db.transaction([&] {
        ConversationRepository conversations(m_db, m_userId);
        TurnResult result;
        result.tripId = s.trip.id;
        if (!s.conversation || next.id == 0) {
            // The first turn creates the conversation and its state; someone
            // who did so meanwhile (and moved on) makes this turn stale.
            auto [conversation, created] = conversations.ensureForTrip(s.trip.id);
            if (created.currentStage != s.state.currentStage || created.userInfo != s.state.userInfo)
                throw Error(
                    Error::Kind::Conflict,
                    QCoreApplication::translate("tp::Conversation",
                                                "This conversation was changed elsewhere (another window or "
                                                "app) since it was loaded. Reload it and try again."));
            s.conversation = conversation;
            next.id = created.id;
            next.conversationId = conversation.id;
            next.createdAt = created.createdAt;
            next.updatedAt = created.updatedAt;
        }
        result.conversationId = s.conversation->id;
        // The state first: it takes the row lock, detects a stale turn and
        // checks (once) that the conversation is the user's.
        std::optional<QJsonArray> locations;
        if (made) {
            locations.emplace();
            for (const Recommendation& r : made->places)
                locations->append(r.toJson());
        }
        const TurnWrite turn = conversations.saveTurn(next, userText, replyText, locations);
        result.state = turn.state;
        result.messages << turn.user << turn.reply;
        result.recommendations = turn.recommendations;
        if (made) {
            // What this conversation taught us, for the next trip: one guarded
            // UPDATE against the text read before the call. When that text
            // changed meanwhile (or the user has no row yet) it is read again
            // and the summary learned into what is there now.
            PreferencesRepository prefs(m_db, m_userId);
            const QString summary = TravelProfile::fromText(next.userInfo).summary();
            bool learned = false;
            if (s.preferencesRow) {
                const QString updated = withLearned(s.preferencesRow->preferencesText, summary);
                learned = updated == s.preferencesRow->preferencesText ||
                          prefs.replaceText(*s.preferencesRow, updated);
            }
            if (!learned) {
                UserPreferences p = prefs.get();
                const QString updated = withLearned(p.preferencesText, summary);
                if (updated != p.preferencesText) {
                    p.preferencesText = updated;
                    prefs.save(p);
                }
            }
        }
        // The trip as read before the call, written with its version guard:
        // a change made meanwhile elsewhere makes this turn a conflict.
        Trip trip = s.trip;
        bool tripChanged = false;
        if (s.state.currentStage == stage::initial && isStatus(trip.status, TripStatus::Planning)) {
            trip.status = storedValue(TripStatus::AiChatActive);
            tripChanged = true;
        }
        if (draft) {
            const Destination d = DestinationRepository(m_db).findOrCreate(*draft, geo::sameCountry);
            // Recorded when these are the draft's coordinates and nothing else
            // already explains them (an existing destination keeps its own source).
            if (draft->hasCoordinates() && d.latitude == draft->latitude && d.longitude == draft->longitude) {
                CoordinateSourceRepository sources(m_db);
                if (!sources.of(d))
                    sources.record(d, draftOrigin, draftOriginDetail);
            }
            trip.destinationId = d.id;
            trip.destinationName = d.name;
            trip.destinationCountry = d.country;
            trip.status = storedValue(TripStatus::DestinationsSelected);
            tripChanged = true;
            result.destination = d;
        }
        if (tripChanged)
            trip = TripRepository(m_db, m_userId).updateHeld(trip);
        if (draft) {
            // The trip's row was written just above, scoped to the user: the
            // session needs no ownership check of its own.
            PlanningRepository planning(m_db, m_userId);
            const QList<PlanningSession> sessions = planning.history(trip.id);
            std::optional<PlanningSession> session;
            for (const PlanningSession& p : sessions) {
                if (!isStage(p.currentStage, PlanningStage::Completed)) {
                    session = p; // at most one (a partial unique index)
                    break;
                }
            }
            if (!session)
                session = planning.startAfter(trip.id, sessions, {PlanningStage::Destination});
            else if (!session->stagesCompleted.contains(storedValue(PlanningStage::Destination)))
                session = planning.markStageCompleted(session->id, PlanningStage::Destination);
            result.planningSession = session;
        }
        result.tripStatus = trip.status;
        result.trip = trip;
        m_attempted = result; // kept for when the COMMIT is lost on the way
        return result;
    });
}

TurnResult ConversationEngine::writeTurn(Snapshot& s, const QString& userText, const QString& reply,
                                         ConversationState next, const std::optional<DestinationSet>& made,
                                         int commitIndex, const QList<Recommendation>& commitFrom) {
    try {
        return write(s, userText, reply, std::move(next), made, commitIndex, commitFrom);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::OutcomeUnknown || !m_attempted)
            throw;
        return confirmSaved(*m_attempted);
    }
}

// The connection went while COMMIT was on its way: read the conversation again
// (on a new connection) to learn whether the turn was saved. The state row's
// updated_at is the turn's token: it is ours exactly when our turn committed.
TurnResult ConversationEngine::confirmSaved(const TurnResult& attempted) {
    std::optional<ConversationState> now;
    try {
        now = ConversationRepository(m_db, m_userId).state(attempted.conversationId);
    } catch (const Error&) {
        throw Error(Error::Kind::OutcomeUnknown,
                    QCoreApplication::translate(
                        "tp::Conversation",
                        "The connection to the database was lost while the reply was being saved, and it "
                        "cannot be checked now whether it was saved. Reload the conversation before sending "
                        "it again."));
    }
    if (now && now->updatedAt == attempted.state.updatedAt)
        return attempted; // it was saved
    throw Error(Error::Kind::Connection,
                QCoreApplication::translate(
                    "tp::Conversation", "The connection to the database was lost while the reply was being "
                                        "saved; it was not saved. Try again."));
}

} // namespace tp::conversation
