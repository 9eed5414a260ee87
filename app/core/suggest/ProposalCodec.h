// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Proposal.h"

#include <QJsonObject>

// Proposals as JSON: what `tripplanner-cli plan suggest --json` prints, and
// reads back with --from FILE so that the proposals accepted are the ones the
// user saw (a model asked again would answer differently).
namespace tp::suggest {

// {"trip", "stage", "source", "note", "proposals": [{"number", "kind",
// "summary", "reason", "to_verify", "acceptable", "problems", "item"}]}
QJsonObject toJson(const ProposalSet& set, Id tripId);
// The proposals of such a document (problems are not read: checkProposals
// checks them again against the plan as it is now). Throws Error::validation
// naming what cannot be read; `tripId` gets the document's trip.
ProposalSet proposalSetFromJson(const QJsonObject& document, Id* tripId);

} // namespace tp::suggest
