<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ConnectionProbe</name>
    <message numerus="yes">
        <source>Schema: older than this app (version %1 of %2, %n migrations pending); it can be migrated now.</source>
        <translation>
            <numerusform>Schema: older than this app (version %1 of %2, %n migration pending); it can be migrated now.</numerusform>
            <numerusform>Schema: older than this app (version %1 of %2, %n migrations pending); it can be migrated now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::OfflinePlanner</name>
    <message numerus="yes">
        <source>at most %n hours %1</source>
        <translation>
            <numerusform>at most %n hour %1</numerusform>
            <numerusform>at most %n hours %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::Suggest</name>
    <message numerus="yes">
        <source>Stay near the centre of %1: %2 to %3 (%n nights)</source>
        <translation>
            <numerusform>Stay near the centre of %1: %2 to %3 (%n night)</numerusform>
            <numerusform>Stay near the centre of %1: %2 to %3 (%n nights)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::TripListModel</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::cli</name>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-- Dry run: %n migrations executed inside a transaction and rolled back; nothing changed (schema version %1).</source>
        <translation>
            <numerusform>-- Dry run: %n migration executed inside a transaction and rolled back; nothing changed (schema version %1).</numerusform>
            <numerusform>-- Dry run: %n migrations executed inside a transaction and rolled back; nothing changed (schema version %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n features that are not single places (tracks, routes, areas).</source>
        <translation>
            <numerusform>Skipped %n feature that is not a single place (a track, route or area).</numerusform>
            <numerusform>Skipped %n features that are not single places (tracks, routes, areas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n places recognised; nothing added. Run again with --apply to add them as ideas.</source>
        <translation>
            <numerusform>%n place recognised; nothing added. Run again with --apply to add it as an idea.</numerusform>
            <numerusform>%n places recognised; nothing added. Run again with --apply to add them as ideas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n ideas to the plan.</source>
        <translation>
            <numerusform>Added %n idea to the plan.</numerusform>
            <numerusform>Added %n ideas to the plan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items recognised; nothing added. Run again with --apply to add them.</source>
        <translation>
            <numerusform>%n item recognised; nothing added. Run again with --apply to add it.</numerusform>
            <numerusform>%n items recognised; nothing added. Run again with --apply to add them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n items to the plan.</source>
        <translation>
            <numerusform>Added %n item to the plan.</numerusform>
            <numerusform>Added %n items to the plan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n events to %1</source>
        <translation>
            <numerusform>Wrote %n event to %1</numerusform>
            <numerusform>Wrote %n events to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n pages to %1</source>
        <translation>
            <numerusform>Wrote %n page to %1</numerusform>
            <numerusform>Wrote %n pages to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n things to see to</source>
        <translation>
            <numerusform>%n thing to see to</numerusform>
            <numerusform>%n things to see to</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n proposal(s) into the plan of trip %1:</source>
        <translation>
            <numerusform>Accepted %n proposal into the plan of trip %1:</numerusform>
            <numerusform>Accepted %n proposals into the plan of trip %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n destinations without coordinates placed; %2 not found.</source>
        <translation>
            <numerusform>%1 of %n destination without coordinates placed; %2 not found.</numerusform>
            <numerusform>%1 of %n destinations without coordinates placed; %2 not found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PROBLEM: version %1, %n pending (%2), tables made by the web app will be adopted; run `tripplanner-cli migrate`</source>
        <translation>
            <numerusform>PROBLEM: version %1, %n pending (%2), tables made by the web app will be adopted; run `tripplanner-cli migrate`</numerusform>
            <numerusform>PROBLEM: version %1, %n pending (%2), tables made by the web app will be adopted; run `tripplanner-cli migrate`</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PROBLEM: version %1, %n pending (%2); run `tripplanner-cli migrate`</source>
        <translation>
            <numerusform>PROBLEM: version %1, %n pending (%2); run `tripplanner-cli migrate`</numerusform>
            <numerusform>PROBLEM: version %1, %n pending (%2); run `tripplanner-cli migrate`</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %3 to %4 (%n nights)  %5  [%6]</source>
        <translation>
            <numerusform>%1  %2  %3 to %4 (%n night)  %5  [%6]</numerusform>
            <numerusform>%1  %2  %3 to %4 (%n nights)  %5  [%6]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overlapping stays: %1 and %2 (%n nights)</source>
        <translation>
            <numerusform>Overlapping stays: %1 and %2 (%n night)</numerusform>
            <numerusform>Overlapping stays: %1 and %2 (%n nights)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 (%n days)</source>
        <translation>
            <numerusform>%1 to %2 (%n day)</numerusform>
            <numerusform>%1 to %2 (%n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::DestinationsPanel</name>
    <message numerus="yes">
        <source>Delete %1, %2 from the catalogue? %n trips will lose this destination.</source>
        <translation>
            <numerusform>Delete %1, %2 from the catalogue? %n trip will lose this destination.</numerusform>
            <numerusform>Delete %1, %2 from the catalogue? %n trips will lose this destination.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ItineraryView</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n places, numbered in the day&apos;s order.</source>
        <translation>
            <numerusform>%1: %n place.</numerusform>
            <numerusform>%1: %n places, numbered in the day&apos;s order.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trips</source>
        <translation>
            <numerusform>%n trip</numerusform>
            <numerusform>%n trips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A message to the planner was typed but not sent (%n trips). Quit anyway and lose it?</source>
        <translation>
            <numerusform>A message to the planner was typed but not sent (%n trip). Quit anyway and lose it?</numerusform>
            <numerusform>A message to the planner was typed but not sent (%n trips). Quit anyway and lose it?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n destinations; %1 without coordinates left out.</source>
        <translation>
            <numerusform>Exported %n destination; %1 without coordinates left out.</numerusform>
            <numerusform>Exported %n destinations; %1 without coordinates left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n places.</source>
        <translation>
            <numerusform>Exported %n place.</numerusform>
            <numerusform>Exported %n places.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::MapWidget</name>
    <message numerus="yes">
        <source>%n destinations here; click to zoom in</source>
        <translation>
            <numerusform>%n destination here; click to zoom in</numerusform>
            <numerusform>%n destinations here; click to zoom in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanningPanel</name>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Accept %n suggestion</numerusform>
            <numerusform>Accept %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n suggestion(s) to the plan; Undo (Ctrl+Z) takes them out again.</source>
        <translation>
            <numerusform>Added %n suggestion to the plan; Undo (Ctrl+Z) takes it out again.</numerusform>
            <numerusform>Added %n suggestions to the plan; Undo (Ctrl+Z) takes them out again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ProposalsDialog</name>
    <message numerus="yes">
        <source>%1: %2 to %3 (%n night(s))</source>
        <translation>
            <numerusform>%1: %2 to %3 (%n night)</numerusform>
            <numerusform>%1: %2 to %3 (%n nights)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ReviewView</name>
    <message numerus="yes">
        <source>%n things to look at before the trip (Enter on one shows it):</source>
        <translation>
            <numerusform>%n thing to look at before the trip (Enter on it shows it):</numerusform>
            <numerusform>%n things to look at before the trip (Enter on one shows it):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::StaysEditor</name>
    <message numerus="yes">
        <source>%n nights without a stay: %1</source>
        <translation>
            <numerusform>%n night without a stay: %1</numerusform>
            <numerusform>%n nights without a stay: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::TripEditor</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::plan_files</name>
    <message numerus="yes">
        <source>Exported %n events to %1.</source>
        <translation>
            <numerusform>Exported %n event to %1.</numerusform>
            <numerusform>Exported %n events to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote the itinerary (%n pages) to %1.</source>
        <translation>
            <numerusform>Wrote the itinerary (%n page) to %1.</numerusform>
            <numerusform>Wrote the itinerary (%n pages) to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %n features that are not single places</source>
        <translation>
            <numerusform>skipped %n feature that is not a single place</numerusform>
            <numerusform>skipped %n features that are not single places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n ideas from %1</source>
        <translation>
            <numerusform>Import %n idea from %1</numerusform>
            <numerusform>Import %n ideas from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n items from %1</source>
        <translation>
            <numerusform>Import %n item from %1</numerusform>
            <numerusform>Import %n items from %1</numerusform>
        </translation>
    </message>
</context>
</TS>
