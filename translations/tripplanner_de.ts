<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>LegsEditor</name>
    <message>
        <source>Flight</source>
        <translation>Flug</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Zug</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>Ferry</source>
        <translation>Fähre</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson);;GPX (*.gpx)</source>
        <translation>GeoJSON (*.geojson);;GPX (*.gpx)</translation>
    </message>
    <message>
        <source>Made with Natural Earth</source>
        <translation>Erstellt mit Natural Earth</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Unterkünfte</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <source>Food and daily costs</source>
        <translation>Verpflegung und Tageskosten</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Planning</source>
        <translation>In Planung</translation>
    </message>
    <message>
        <source>AI Chat Active</source>
        <translation>Gespräch mit dem Planer</translation>
    </message>
    <message>
        <source>Destination Selected</source>
        <translation>Ziel gewählt</translation>
    </message>
    <message>
        <source>Hotels Selected</source>
        <translation>Unterkünfte gewählt</translation>
    </message>
    <message>
        <source>Flights Selected</source>
        <translation>Flüge gewählt</translation>
    </message>
    <message>
        <source>Activities Planned</source>
        <translation>Aktivitäten geplant</translation>
    </message>
    <message>
        <source>Itinerary Complete</source>
        <translation>Reiseplan fertig</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Destination Selection</source>
        <translation>Zielwahl</translation>
    </message>
    <message>
        <source>Hotel/Accommodation Planning</source>
        <translation>Unterkunftsplanung</translation>
    </message>
    <message>
        <source>Flight Planning</source>
        <translation>Flugplanung</translation>
    </message>
    <message>
        <source>Activity Planning</source>
        <translation>Aktivitätenplanung</translation>
    </message>
    <message>
        <source>Itinerary Building</source>
        <translation>Reiseplan erstellen</translation>
    </message>
    <message>
        <source>Final Review</source>
        <translation>Abschlussprüfung</translation>
    </message>
    <message>
        <source>Planning Completed</source>
        <translation>Planung abgeschlossen</translation>
    </message>
    <message>
        <source>Getting Initial Preferences</source>
        <translation>Erste Wünsche erfassen</translation>
    </message>
    <message>
        <source>Generating Clarifying Questions</source>
        <translation>Rückfragen vorbereiten</translation>
    </message>
    <message>
        <source>Asking Clarification Questions</source>
        <translation>Rückfragen stellen</translation>
    </message>
    <message>
        <source>Generating Destination Recommendations</source>
        <translation>Zielempfehlungen erstellen</translation>
    </message>
    <message>
        <source>Destinations Generated</source>
        <translation>Reiseziele empfohlen</translation>
    </message>
    <message>
        <source>User Committed to Destination</source>
        <translation>Reiseziel festgelegt</translation>
    </message>
</context>
<context>
    <name>TripCommands</name>
    <message>
        <source>create “%1”</source>
        <translation>„%1“ erstellen</translation>
    </message>
    <message>
        <source>edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>Restored “%1”.</source>
        <translation>„%1“ wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Trip Planner</source>
        <translation>Trip Planner</translation>
    </message>
    <message>
        <source>Plan trips, on your computer or on PostgreSQL.</source>
        <translation>Reisen planen – auf Ihrem Computer oder mit PostgreSQL.</translation>
    </message>
    <message>
        <source>Open with the newest trip selected and VIEW shown: trips, conversation, planning, planning:STAGE (accommodation, flights, activities, itinerary, budget, finalization), suggest:STAGE (the planner&apos;s proposals for accommodation, activities, itinerary or budget), map, destinations or editor (the destination editor).</source>
        <translation>Beim Start die neueste Reise auswählen und die Ansicht VIEW zeigen: trips, conversation, planning, planning:STAGE (accommodation, flights, activities, itinerary, budget, finalization), suggest:STAGE (die Vorschläge des Planers für accommodation, activities, itinerary oder budget), map, destinations oder editor (der Reiseziel-Editor).</translation>
    </message>
    <message>
        <source>DATABASE_URL is not usable: %1
Using the local database file instead.</source>
        <translation>DATABASE_URL ist nicht verwendbar: %1
Stattdessen wird die lokale Datenbankdatei verwendet.</translation>
    </message>
</context>
<context>
    <name>tp::ActivityCategory</name>
    <message>
        <source>beach</source>
        <translation>Strand</translation>
    </message>
    <message>
        <source>hike</source>
        <translation>Wandern</translation>
    </message>
    <message>
        <source>sightseeing</source>
        <translation>Besichtigung</translation>
    </message>
    <message>
        <source>tour</source>
        <translation>Führung</translation>
    </message>
    <message>
        <source>museum</source>
        <translation>Museum</translation>
    </message>
    <message>
        <source>nature</source>
        <translation>Natur</translation>
    </message>
    <message>
        <source>food</source>
        <translation>Essen</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>Ausgehen</translation>
    </message>
    <message>
        <source>wellness</source>
        <translation>Wellness</translation>
    </message>
    <message>
        <source>travel</source>
        <translation>Ortswechsel</translation>
    </message>
    <message>
        <source>arrival</source>
        <translation>Ankunft</translation>
    </message>
    <message>
        <source>departure</source>
        <translation>Abreise</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>Erholung</translation>
    </message>
    <message>
        <source>explore</source>
        <translation>Erkunden</translation>
    </message>
</context>
<context>
    <name>tp::Catalogue</name>
    <message>
        <source>beaches and sea</source>
        <translation>Strände und Meer</translation>
    </message>
    <message>
        <source>mountains and hiking</source>
        <translation>Berge und Wandern</translation>
    </message>
    <message>
        <source>city life</source>
        <translation>Stadtleben</translation>
    </message>
    <message>
        <source>culture and history</source>
        <translation>Kultur und Geschichte</translation>
    </message>
    <message>
        <source>nature and wildlife</source>
        <translation>Natur und Tierwelt</translation>
    </message>
    <message>
        <source>food</source>
        <translation>gutes Essen</translation>
    </message>
    <message>
        <source>nightlife</source>
        <translation>Nachtleben</translation>
    </message>
    <message>
        <source>low prices</source>
        <translation>niedrige Preise</translation>
    </message>
    <message>
        <source>comfort and luxury</source>
        <translation>Komfort und Luxus</translation>
    </message>
    <message>
        <source>Known for %1.</source>
        <translation>Bekannt für %1.</translation>
    </message>
</context>
<context>
    <name>tp::ConnectionErrors</name>
    <message>
        <source>The server name &quot;%1&quot; could not be found. Check the host in the connection settings and that you are online.</source>
        <translation>Der Servername „%1“ wurde nicht gefunden. Prüfen Sie den Host in den Verbindungseinstellungen und Ihre Internetverbindung.</translation>
    </message>
    <message>
        <source>Nothing accepted the connection at %1: the server is down or the port is wrong.</source>
        <translation>Unter %1 hat niemand die Verbindung angenommen: Der Server läuft nicht, oder der Port ist falsch.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time. It may be starting up (a suspended Neon database takes a few seconds), or the network is blocking it.</source>
        <translation>Der Server unter %1 hat nicht rechtzeitig geantwortet. Möglicherweise startet er gerade (eine pausierte Neon-Datenbank braucht einige Sekunden), oder das Netzwerk blockiert ihn.</translation>
    </message>
    <message>
        <source>The server at %1 rejected the user name or password for &quot;%2&quot;.</source>
        <translation>Der Server unter %1 hat den Benutzernamen oder das Passwort für „%2“ abgelehnt.</translation>
    </message>
    <message>
        <source>The server at %1 accepts only encrypted connections: add ?sslmode=require to the URL.</source>
        <translation>Der Server unter %1 akzeptiert nur verschlüsselte Verbindungen: Ergänzen Sie die URL um ?sslmode=require.</translation>
    </message>
    <message>
        <source>The server at %1 does not offer TLS, but the URL requires it (sslmode).</source>
        <translation>Der Server unter %1 bietet kein TLS an, aber die URL verlangt es (sslmode).</translation>
    </message>
    <message>
        <source>The server at %1 has no database named &quot;%2&quot;.</source>
        <translation>Der Server unter %1 hat keine Datenbank namens „%2“.</translation>
    </message>
    <message>
        <source>The database file %1 cannot be opened for writing. Check that its folder exists and that you may write to it.</source>
        <translation>Die Datenbankdatei %1 kann nicht zum Schreiben geöffnet werden. Prüfen Sie, ob ihr Ordner existiert und ob Sie in die Datei schreiben dürfen.</translation>
    </message>
    <message>
        <source>The database server at %1 is restarting (starting up, shutting down or recovering). Wait a moment and try again.</source>
        <translation>Der Datenbankserver unter %1 wird gerade neu gestartet (er startet, fährt herunter oder stellt sich wieder her). Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database server at %1 has no free connections. Try again in a moment, close other programs using it, or use a pooled endpoint.</source>
        <translation>Der Datenbankserver unter %1 hat keine freien Verbindungen. Versuchen Sie es gleich noch einmal, schließen Sie andere Programme, die ihn nutzen, oder verwenden Sie einen Endpunkt mit Pooling.</translation>
    </message>
    <message>
        <source>Cannot connect to the database at %1 (%2). Check the connection settings, or run `tripplanner-cli doctor`.</source>
        <translation>Keine Verbindung zur Datenbank unter %1 möglich (%2). Prüfen Sie die Verbindungseinstellungen oder führen Sie `tripplanner-cli doctor` aus.</translation>
    </message>
    <message>
        <source>This would duplicate something that already exists (%1). Change it, or edit the existing one.</source>
        <translation>Damit entstünde ein Duplikat von etwas bereits Vorhandenem (%1). Ändern Sie die Angabe oder bearbeiten Sie den vorhandenen Eintrag.</translation>
    </message>
    <message>
        <source>Another change to the same data happened at the same time. Try again.</source>
        <translation>Gleichzeitig wurden dieselben Daten anderweitig geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database refused a value (%1). Correct it and try again.</source>
        <translation>Die Datenbank hat einen Wert abgelehnt (%1). Korrigieren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database has no function where the app looks for it. Either the tables were never created (run `tripplanner-cli migrate`), or the connection looks in another schema: remove a search_path setting (options=-c search_path=… in the URL, or one set for the database user).</source>
        <translation>Die Datenbank hat keine Funktion an der Stelle, an der die App sie sucht. Entweder wurden die Tabellen nie angelegt (führen Sie `tripplanner-cli migrate` aus), oder die Verbindung sucht in einem anderen Schema: Entfernen Sie eine search_path-Einstellung (options=-c search_path=… in der URL oder eine für den Datenbankbenutzer festgelegte).</translation>
    </message>
    <message>
        <source>The database has no table where the app looks for it. Either the tables were never created (run `tripplanner-cli migrate`), or the connection looks in another schema: remove a search_path setting (options=-c search_path=… in the URL, or one set for the database user).</source>
        <translation>Die Datenbank hat keine Tabelle an der Stelle, an der die App sie sucht. Entweder wurden die Tabellen nie angelegt (führen Sie `tripplanner-cli migrate` aus), oder die Verbindung sucht in einem anderen Schema: Entfernen Sie eine search_path-Einstellung (options=-c search_path=… in der URL oder eine für den Datenbankbenutzer festgelegte).</translation>
    </message>
    <message>
        <source>The database user may not do this (%1). Connect as the database&apos;s owner, or ask its administrator for the permission.</source>
        <translation>Der Datenbankbenutzer darf dies nicht (%1). Verbinden Sie sich als Eigentümer der Datenbank oder bitten Sie deren Administrator um die Berechtigung.</translation>
    </message>
    <message>
        <source>The database accepts no changes (a read-only server or user). Connect to the primary server, or as a user that may write.</source>
        <translation>Die Datenbank nimmt keine Änderungen an (schreibgeschützter Server oder Benutzer). Verbinden Sie sich mit dem primären Server oder als Benutzer mit Schreibrechten.</translation>
    </message>
    <message>
        <source>The database cancelled the statement (it took too long, or was cancelled). Try again.</source>
        <translation>Die Datenbank hat die Anweisung abgebrochen (sie dauerte zu lange oder wurde abgebrochen). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database server is restarting. Wait a moment and try again.</source>
        <translation>Der Datenbankserver wird gerade neu gestartet. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database server has no free connections. Try again in a moment.</source>
        <translation>Der Datenbankserver hat keine freien Verbindungen. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The database server is out of resources (%1). Try again later, or ask its administrator.</source>
        <translation>Dem Datenbankserver fehlen Ressourcen (%1). Versuchen Sie es später erneut oder wenden Sie sich an den Administrator.</translation>
    </message>
    <message>
        <source>The database file is busy: another program is writing to it. Try again when it has finished.</source>
        <translation>Die Datenbankdatei ist belegt: Ein anderes Programm schreibt gerade hinein. Versuchen Sie es erneut, wenn es fertig ist.</translation>
    </message>
    <message>
        <source>The database file lacks part of the app&apos;s tables (%1). Run `tripplanner-cli migrate`, or open a file made by Trip Planner.</source>
        <translation>In der Datenbankdatei fehlt ein Teil der Tabellen der App (%1). Führen Sie `tripplanner-cli migrate` aus oder öffnen Sie eine von Trip Planner erstellte Datei.</translation>
    </message>
    <message>
        <source>The database file is read-only. Check that you may write to it and to its folder.</source>
        <translation>Die Datenbankdatei ist schreibgeschützt. Prüfen Sie, ob Sie in die Datei und ihren Ordner schreiben dürfen.</translation>
    </message>
    <message>
        <source>The disk holding the database file is full or failing. Free some space and try again.</source>
        <translation>Der Datenträger mit der Datenbankdatei ist voll oder defekt. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file is not a usable database (it is damaged, or not a database). Restore a backup, or choose another file.</source>
        <translation>Die Datei ist keine verwendbare Datenbank (sie ist beschädigt oder keine Datenbank). Stellen Sie eine Sicherung wieder her oder wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>The database reported an error (%1). Try again; if it persists, run `tripplanner-cli doctor`.</source>
        <translation>Die Datenbank hat einen Fehler gemeldet (%1). Versuchen Sie es erneut; tritt er weiterhin auf, führen Sie `tripplanner-cli doctor` aus.</translation>
    </message>
</context>
<context>
    <name>tp::ConnectionProbe</name>
    <message>
        <source>The test was cancelled.</source>
        <translation>Der Test wurde abgebrochen.</translation>
    </message>
    <message>
        <source>the host name is a Neon pooler endpoint (&quot;-pooler&quot;)</source>
        <translation>der Hostname ein Neon-Pooler-Endpunkt ist („-pooler“)</translation>
    </message>
    <message>
        <source>the server listens on port %1, not on the port %2 of the URL (a connection pooler such as PgBouncer is in between)</source>
        <translation>der Server auf Port %1 lauscht und nicht auf Port %2 aus der URL (dazwischen liegt ein Verbindungspooler wie PgBouncer)</translation>
    </message>
    <message>
        <source>The Qt SQL driver %1 is not installed.</source>
        <translation>Der Qt-SQL-Treiber %1 ist nicht installiert.</translation>
    </message>
    <message>
        <source>SQLite (the file will be created on first use)</source>
        <translation>SQLite (die Datei wird bei der ersten Verwendung angelegt)</translation>
    </message>
    <message>
        <source>Schema: unknown.</source>
        <translation>Schema: unbekannt.</translation>
    </message>
    <message>
        <source>Schema: could not be read (%1).</source>
        <translation>Schema: konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Schema: the database is empty; the app will create its tables.</source>
        <translation>Schema: Die Datenbank ist leer; die App legt ihre Tabellen an.</translation>
    </message>
    <message>
        <source>Schema: up to date (version %1).</source>
        <translation>Schema: aktuell (Version %1).</translation>
    </message>
    <message numerus="yes">
        <source>Schema: older than this app (version %1 of %2, %n migrations pending); it can be migrated now.</source>
        <translation>
            <numerusform>Schema: älter als diese App (Version %1 von %2, %n Migration ausstehend); es kann jetzt migriert werden.</numerusform>
            <numerusform>Schema: älter als diese App (Version %1 von %2, %n Migrationen ausstehend); es kann jetzt migriert werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Schema: newer than this app (version %1, this app knows up to %2); the app refuses to use it. Update the app.</source>
        <translation>Schema: neuer als diese App (Version %1, diese App kennt bis Version %2); die App verwendet es nicht. Aktualisieren Sie die App.</translation>
    </message>
    <message>
        <source>Schema: made by the web app (Django); the app will adopt it and add its own tables.</source>
        <translation>Schema: von der Web-App (Django) angelegt; die App übernimmt es und fügt ihre eigenen Tabellen hinzu.</translation>
    </message>
    <message>
        <source>Schema: the database holds tables that this app did not create.</source>
        <translation>Schema: Die Datenbank enthält Tabellen, die nicht von dieser App angelegt wurden.</translation>
    </message>
    <message>
        <source>Not reachable. %1</source>
        <translation>Nicht erreichbar. %1</translation>
    </message>
    <message>
        <source>Connected: %1.</source>
        <translation>Verbunden: %1.</translation>
    </message>
    <message>
        <source>TLS: on (the connection is encrypted).</source>
        <translation>TLS: an (die Verbindung ist verschlüsselt).</translation>
    </message>
    <message>
        <source>TLS: off (the connection is not encrypted).</source>
        <translation>TLS: aus (die Verbindung ist nicht verschlüsselt).</translation>
    </message>
    <message>
        <source>Endpoint: pooled, because %1.</source>
        <translation>Endpunkt: mit Pooling, weil %1.</translation>
    </message>
    <message>
        <source>Endpoint: direct.</source>
        <translation>Endpunkt: direkt.</translation>
    </message>
    <message>
        <source>Round trip: %1 ms (connecting took %2 ms).</source>
        <translation>Antwortzeit: %1 ms (Verbindungsaufbau: %2 ms).</translation>
    </message>
</context>
<context>
    <name>tp::Conversation</name>
    <message>
        <source>The planner&apos;s coordinates for %1 looked wrong (%2) and were not kept; the offline gazetteer&apos;s position for %3, %4 is used instead.</source>
        <translation>Die Koordinaten des Planers für %1 schienen falsch (%2) und wurden nicht übernommen; stattdessen wird die Position aus dem Offline-Ortsverzeichnis für %3, %4 verwendet.</translation>
    </message>
    <message>
        <source>The planner&apos;s coordinates for %1 looked wrong (%2) and were not kept.</source>
        <translation>Die Koordinaten des Planers für %1 schienen falsch (%2) und wurden nicht übernommen.</translation>
    </message>
    <message>
        <source>Here are three destinations that fit what you told me:</source>
        <translation>Hier sind drei Reiseziele, die zu Ihren Angaben passen:</translation>
    </message>
    <message>
        <source>Ask me about any of them, ask for different options, or say &quot;let&apos;s go with&quot; and a name to choose.</source>
        <translation>Fragen Sie mich nach einem davon, bitten Sie um andere Vorschläge, oder sagen Sie „Ich nehme“ und den Namen Ihrer Wahl.</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Geben Sie zuerst eine Nachricht ein.</translation>
    </message>
    <message>
        <source>The planner asked no questions.</source>
        <translation>Der Planer hat keine Fragen gestellt.</translation>
    </message>
    <message>
        <source>Thanks! To find the right places for you I have %1 quick questions.

(1/%1) %2</source>
        <translation>Danke! Um die passenden Reiseziele für Sie zu finden, habe ich %1 kurze Fragen.

(1/%1) %2</translation>
    </message>
    <message>
        <source>The planner chose a destination it had not recommended.</source>
        <translation>Der Planer hat ein Reiseziel gewählt, das er nicht empfohlen hatte.</translation>
    </message>
    <message>
        <source>Great choice: %1 it is!</source>
        <translation>Gute Wahl: Dann also %1!</translation>
    </message>
    <message>
        <source>The planner&apos;s reply was empty.</source>
        <translation>Die Antwort des Planers war leer.</translation>
    </message>
    <message>
        <source>There are no recommendations to choose from yet.</source>
        <translation>Es gibt noch keine Empfehlungen zur Auswahl.</translation>
    </message>
    <message>
        <source>Choose one of the %1 recommendations.</source>
        <translation>Wählen Sie eine der %1 Empfehlungen.</translation>
    </message>
    <message>
        <source>Let&apos;s go with %1.</source>
        <translation>Ich nehme %1.</translation>
    </message>
    <message>
        <source>Great choice: %1 it is! I&apos;ve set it as your trip&apos;s destination. Next up: where to stay.</source>
        <translation>Gute Wahl: Dann also %1! Das ist jetzt Ihr Reiseziel. Als Nächstes geht es um die Unterkunft.</translation>
    </message>
    <message>
        <source>The planner did not say which country %1 is in, so it cannot be saved as the destination. Ask about it or choose another.</source>
        <translation>Der Planer hat nicht angegeben, in welchem Land %1 liegt, daher kann der Ort nicht als Reiseziel gespeichert werden. Fragen Sie nach oder wählen Sie ein anderes Reiseziel.</translation>
    </message>
    <message>
        <source>This conversation was changed elsewhere (another window or app) since it was loaded. Reload it and try again.</source>
        <translation>Dieses Gespräch wurde seit dem Laden an anderer Stelle geändert (in einem anderen Fenster oder einer anderen App). Laden Sie es neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the reply was being saved, and it cannot be checked now whether it was saved. Reload the conversation before sending it again.</source>
        <translation>Die Verbindung zur Datenbank wurde beim Speichern der Antwort unterbrochen, und ob sie gespeichert wurde, lässt sich jetzt nicht prüfen. Laden Sie das Gespräch neu, bevor Sie die Nachricht erneut senden.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the reply was being saved; it was not saved. Try again.</source>
        <translation>Die Verbindung zur Datenbank wurde beim Speichern der Antwort unterbrochen; sie wurde nicht gespeichert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it contained no questions.</source>
        <translation>Die Antwort des Planers war nicht verwendbar: Sie enthielt keine Fragen.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: no JSON with destinations was found in it.</source>
        <translation>Die Antwort des Planers war nicht verwendbar: Darin wurde kein JSON mit Reisezielen gefunden.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it named no destinations.</source>
        <translation>Die Antwort des Planers war nicht verwendbar: Sie nannte keine Reiseziele.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it named only %1 destination(s) instead of 3.</source>
        <translation>Die Antwort des Planers war nicht verwendbar: Sie nannte nur %1 statt 3 Reisezielen.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: no JSON object was found in it.</source>
        <translation>Die Antwort des Planers war nicht verwendbar: Darin wurde kein JSON-Objekt gefunden.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it had no reply text.</source>
        <translation>Die Antwort des Planers war nicht verwendbar: Sie enthielt keinen Antworttext.</translation>
    </message>
</context>
<context>
    <name>tp::CoordinateSource</name>
    <message>
        <source>typed in</source>
        <translation>eingegeben</translation>
    </message>
    <message>
        <source>picked on the map</source>
        <translation>auf der Karte gewählt</translation>
    </message>
    <message>
        <source>the offline gazetteer</source>
        <translation>Offline-Ortsverzeichnis</translation>
    </message>
    <message>
        <source>the centre of the country</source>
        <translation>Landesmitte</translation>
    </message>
    <message>
        <source>OpenStreetMap Nominatim</source>
        <translation>OpenStreetMap Nominatim</translation>
    </message>
    <message>
        <source>the AI planner</source>
        <translation>KI-Planer</translation>
    </message>
    <message>
        <source>the bundled catalogue</source>
        <translation>mitgelieferter Katalog</translation>
    </message>
</context>
<context>
    <name>tp::Database</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database file.</source>
        <translation>Der Ordner %1 für die Datenbankdatei kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The connection to the database was lost during this change; nothing of it was saved. Try again.</source>
        <translation>Die Verbindung zur Datenbank wurde während dieser Änderung unterbrochen; nichts davon wurde gespeichert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The operation was cancelled; nothing of it was saved.</source>
        <translation>Der Vorgang wurde abgebrochen; nichts davon wurde gespeichert.</translation>
    </message>
    <message>
        <source>The connection to the database was lost. Try again.</source>
        <translation>Die Verbindung zur Datenbank wurde unterbrochen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database took longer than %1 s over this and stopped it. Try again; if it happens every time, the server is overloaded or the data much larger than usual.</source>
        <translation>Die Datenbank brauchte dafür länger als %1 s und hat den Vorgang abgebrochen. Versuchen Sie es erneut; passiert das jedes Mal, ist der Server überlastet oder die Datenmenge viel größer als üblich.</translation>
    </message>
    <message>
        <source>Another program or window is changing the same data and kept it locked for more than %1 s. Try again in a moment.</source>
        <translation>Ein anderes Programm oder Fenster ändert dieselben Daten und hielt sie länger als %1 s gesperrt. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The change was not saved: one of its steps was refused by the database.</source>
        <translation>Die Änderung wurde nicht gespeichert: Die Datenbank hat einen ihrer Schritte abgelehnt.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the change was being saved, so it is not known whether it was saved. Look at the data again before repeating it.</source>
        <translation>Die Verbindung zur Datenbank wurde beim Speichern der Änderung unterbrochen, daher ist unklar, ob sie gespeichert wurde. Prüfen Sie die Daten erneut, bevor Sie die Änderung wiederholen.</translation>
    </message>
    <message>
        <source>Out of memory while connecting to the database.</source>
        <translation>Nicht genügend Arbeitsspeicher beim Verbinden mit der Datenbank.</translation>
    </message>
    <message>
        <source>Connecting to the database was cancelled.</source>
        <translation>Der Verbindungsaufbau zur Datenbank wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The database server refused to show dates in ISO form: %1</source>
        <translation>Der Datenbankserver hat sich geweigert, Datumsangaben im ISO-Format auszugeben: %1</translation>
    </message>
    <message>
        <source>The connection to the database was lost.</source>
        <translation>Die Verbindung zur Datenbank wurde unterbrochen.</translation>
    </message>
    <message>
        <source>An earlier statement of the same exchange failed.</source>
        <translation>Eine frühere Anweisung desselben Vorgangs ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>internal: no value bound for :%1</source>
        <translation>intern: kein Wert für :%1 gebunden</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseLocation</name>
    <message>
        <source>Database URL: expected a postgresql:// URL</source>
        <translation>Datenbank-URL: Erwartet wird eine postgresql://-URL</translation>
    </message>
    <message>
        <source>No database password is stored in the keychain for profile &quot;%1&quot;.</source>
        <translation>Im Schlüsselbund ist für das Profil „%1“ kein Datenbankpasswort gespeichert.</translation>
    </message>
    <message>
        <source>The database password could not be read: %1</source>
        <translation>Das Datenbankpasswort konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The new location is the current file.</source>
        <translation>Der neue Speicherort ist die aktuelle Datei.</translation>
    </message>
    <message>
        <source>There is no database file at %1.</source>
        <translation>Unter %1 gibt es keine Datenbankdatei.</translation>
    </message>
    <message>
        <source>A file already exists at %1; choose another name.</source>
        <translation>Unter %1 gibt es bereits eine Datei; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The database file has an unfinished transaction (a -journal file); open the app once more and close it, then try again.</source>
        <translation>Die Datenbankdatei hat eine nicht abgeschlossene Transaktion (eine -journal-Datei); öffnen und schließen Sie die App noch einmal und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write to %1 (is the disk full or the folder read-only?).</source>
        <translation>In %1 kann nicht geschrieben werden (ist der Datenträger voll oder der Ordner schreibgeschützt?).</translation>
    </message>
    <message>
        <source>The copy failed its integrity check; the original is unchanged.</source>
        <translation>Die Kopie hat die Integritätsprüfung nicht bestanden; das Original ist unverändert.</translation>
    </message>
    <message>
        <source>The copy could not be opened (%1); the original is unchanged.</source>
        <translation>Die Kopie konnte nicht geöffnet werden (%1); das Original ist unverändert.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseService</name>
    <message>
        <source>Trip Planner ran into an internal error and could not finish this action; any change it was making was rolled back. Try again, and if it happens again please report it.</source>
        <translation>Trip Planner ist auf einen internen Fehler gestoßen und konnte diese Aktion nicht abschließen; alle dabei vorgenommenen Änderungen wurden zurückgenommen. Versuchen Sie es erneut, und melden Sie den Fehler bitte, falls er wieder auftritt.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Wird verbunden</translation>
    </message>
    <message>
        <source>Updating schema</source>
        <translation>Schema wird aktualisiert</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Wird erneut verbunden</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>The database is not connected.</source>
        <translation>Die Datenbank ist nicht verbunden.</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseUrl</name>
    <message>
        <source>Characters such as @ : / # ? % or a space in the user name or password must be percent-encoded (%40 for @, %23 for #, %2F for /, %3F for ?, %25 for %).</source>
        <translation>Zeichen wie @ : / # ? % oder ein Leerzeichen in Benutzername oder Passwort müssen prozentkodiert werden (%40 für @, %23 für #, %2F für /, %3F für ?, %25 für %).</translation>
    </message>
    <message>
        <source>Database URL: the port is not a number between 1 and 65535. %1</source>
        <translation>Datenbank-URL: Der Port ist keine Zahl zwischen 1 und 65535. %1</translation>
    </message>
    <message>
        <source>Database URL: the host name has a character that is not allowed. %1</source>
        <translation>Datenbank-URL: Der Hostname enthält ein unzulässiges Zeichen. %1</translation>
    </message>
    <message>
        <source>Database URL: the user name or password has a character that is not allowed. %1</source>
        <translation>Datenbank-URL: Benutzername oder Passwort enthält ein unzulässiges Zeichen. %1</translation>
    </message>
    <message>
        <source>Database URL: the database name has a character that is not allowed (a space, for example). %1</source>
        <translation>Datenbank-URL: Der Datenbankname enthält ein unzulässiges Zeichen (zum Beispiel ein Leerzeichen). %1</translation>
    </message>
    <message>
        <source>Database URL: the parameters after &apos;?&apos; have a character that is not allowed. %1</source>
        <translation>Datenbank-URL: Die Parameter nach „?“ enthalten ein unzulässiges Zeichen. %1</translation>
    </message>
    <message>
        <source>Database URL: it contains &apos;#&apos;. %1</source>
        <translation>Datenbank-URL: Sie enthält „#“. %1</translation>
    </message>
    <message>
        <source>Database URL: it is not a valid URL. %1</source>
        <translation>Datenbank-URL: Sie ist keine gültige URL. %1</translation>
    </message>
    <message>
        <source>Database URL: it is empty</source>
        <translation>Datenbank-URL: Sie ist leer</translation>
    </message>
    <message>
        <source>Database URL: it is too long</source>
        <translation>Datenbank-URL: Sie ist zu lang</translation>
    </message>
    <message>
        <source>Database URL: expected a URL starting with postgresql:// or sqlite:///</source>
        <translation>Datenbank-URL: Erwartet wird eine URL, die mit postgresql:// oder sqlite:/// beginnt</translation>
    </message>
    <message>
        <source>Database URL: a SQLite URL names a file: sqlite:///relative/path or sqlite:////absolute/path</source>
        <translation>Datenbank-URL: Eine SQLite-URL nennt eine Datei: sqlite:///relative/path oder sqlite:////absolute/path</translation>
    </message>
    <message>
        <source>Database URL: unsupported scheme &quot;%1&quot; (use postgresql:// or sqlite:///)</source>
        <translation>Datenbank-URL: nicht unterstütztes Schema „%1“ (verwenden Sie postgresql:// oder sqlite:///)</translation>
    </message>
    <message>
        <source>Database URL: the host name is missing</source>
        <translation>Datenbank-URL: Der Hostname fehlt</translation>
    </message>
    <message>
        <source>Database URL: the port must be between 1 and 65535</source>
        <translation>Datenbank-URL: Der Port muss zwischen 1 und 65535 liegen</translation>
    </message>
    <message>
        <source>Database URL: the database name is missing (…/dbname after the host)</source>
        <translation>Datenbank-URL: Der Datenbankname fehlt (…/dbname nach dem Host)</translation>
    </message>
    <message>
        <source>Database URL: the database name must not contain &apos;/&apos;. %1</source>
        <translation>Datenbank-URL: Der Datenbankname darf kein „/“ enthalten. %1</translation>
    </message>
    <message>
        <source>Database URL: the database name must not contain &apos;@&apos;. %1</source>
        <translation>Datenbank-URL: Der Datenbankname darf kein „@“ enthalten. %1</translation>
    </message>
    <message>
        <source>Database URL: unknown parameter &quot;%1&quot;</source>
        <translation>Datenbank-URL: unbekannter Parameter „%1“</translation>
    </message>
    <message>
        <source>Database URL: it has a parameter that is not a libpq keyword</source>
        <translation>Datenbank-URL: Sie enthält einen Parameter, der kein libpq-Schlüsselwort ist</translation>
    </message>
    <message>
        <source>Database URL: sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full</source>
        <translation>Datenbank-URL: sslmode muss einer der Werte disable, allow, prefer, require, verify-ca, verify-full sein</translation>
    </message>
    <message>
        <source>Database URL: %1 must be a whole number of seconds</source>
        <translation>Datenbank-URL: %1 muss eine ganze Zahl von Sekunden sein</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseWorker</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Updating the database schema (%1 steps)…</source>
        <translation>Datenbankschema wird aktualisiert (%1 Schritte)…</translation>
    </message>
    <message>
        <source>Updating the database schema: statement %1 (%2 migrations)</source>
        <translation>Datenbankschema wird aktualisiert: Anweisung %1 (%2 Migrationen)</translation>
    </message>
    <message>
        <source>The database could not be opened (unexpected failure).</source>
        <translation>Die Datenbank konnte nicht geöffnet werden (unerwarteter Fehler).</translation>
    </message>
    <message>
        <source>The database did not answer (unexpected failure).</source>
        <translation>Die Datenbank hat nicht geantwortet (unerwarteter Fehler).</translation>
    </message>
</context>
<context>
    <name>tp::DestinationTableModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Best time to visit</source>
        <translation>Beste Reisezeit</translation>
    </message>
    <message>
        <source>Cost per day</source>
        <translation>Kosten pro Tag</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Koordinaten</translation>
    </message>
</context>
<context>
    <name>tp::MessageListModel</name>
    <message>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
    <message>
        <source>Planner: %1</source>
        <translation>Planer: %1</translation>
    </message>
</context>
<context>
    <name>tp::Migrator</name>
    <message>
        <source>This SQLite file holds trip tables that this app did not create; it cannot adopt them. Use a new file, or point the app at the PostgreSQL database the web app uses.</source>
        <translation>Diese SQLite-Datei enthält Reisetabellen, die nicht von dieser App angelegt wurden; die App kann sie nicht übernehmen. Verwenden Sie eine neue Datei oder verweisen Sie die App auf die PostgreSQL-Datenbank der Web-App.</translation>
    </message>
    <message>
        <source>table %1 is missing</source>
        <translation>Tabelle %1 fehlt</translation>
    </message>
    <message>
        <source>column %1.%2 is missing</source>
        <translation>Spalte %1.%2 fehlt</translation>
    </message>
    <message>
        <source>The database has trip tables that do not match the web app&apos;s schema, so they were left untouched: %1</source>
        <extracomment>%1: the problems found (&quot;table api_trip is missing; column api_trip.title is missing&quot;).</extracomment>
        <translation>Die Datenbank enthält Reisetabellen, die nicht zum Schema der Web-App passen; sie wurden daher nicht verändert: %1</translation>
    </message>
    <message>
        <source>The database schema is at version %1, newer than this version of Trip Planner understands (%2). Update Trip Planner; the database was left untouched.</source>
        <translation>Das Datenbankschema hat Version %1 und ist neuer, als diese Version von Trip Planner versteht (%2). Aktualisieren Sie Trip Planner; die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>-- %1 (adopted: the web app already created these tables)</source>
        <extracomment>A comment line in the SQL a dry run prints: keep the leading &quot;-- &quot;. %1: the migration&apos;s name.</extracomment>
        <translation>-- %1 (übernommen: Die Web-App hat diese Tabellen bereits angelegt)</translation>
    </message>
</context>
<context>
    <name>tp::OfflinePlanner</name>
    <message>
        <source>What&apos;s your budget for the trip (in total or per day, and in which currency)?</source>
        <translation>Wie hoch ist Ihr Budget für die Reise (insgesamt oder pro Tag, und in welcher Währung)?</translation>
    </message>
    <message>
        <source>When would you like to travel: which month or season?</source>
        <translation>Wann möchten Sie reisen: in welchem Monat oder zu welcher Jahreszeit?</translation>
    </message>
    <message>
        <source>How many days will the trip last?</source>
        <translation>Wie viele Tage soll die Reise dauern?</translation>
    </message>
    <message>
        <source>Who is travelling: how many people, and any children?</source>
        <translation>Wer reist mit: wie viele Personen, und sind Kinder dabei?</translation>
    </message>
    <message>
        <source>What do you enjoy most on a trip: beaches, mountains and hiking, cities, culture and history, nature and wildlife, food, or nightlife?</source>
        <translation>Was genießen Sie auf Reisen am meisten: Strände, Berge und Wandern, Städte, Kultur und Geschichte, Natur und Tierwelt, gutes Essen oder Nachtleben?</translation>
    </message>
    <message>
        <source>Do you prefer comfort and a bit of luxury, or keeping costs low?</source>
        <translation>Bevorzugen Sie Komfort und ein wenig Luxus, oder reisen Sie lieber günstig?</translation>
    </message>
    <message>
        <source>Is there anything you&apos;d rather avoid (long flights, cold weather, crowds)?</source>
        <translation>Gibt es etwas, das Sie lieber vermeiden möchten (lange Flüge, kaltes Wetter, überfüllte Orte)?</translation>
    </message>
    <message>
        <source>Where will you be starting from (your home city), so I can keep the journey short?</source>
        <translation>Von wo aus starten Sie (Ihr Heimatort), damit ich die Anreise kurz halten kann?</translation>
    </message>
    <message>
        <source>beaches</source>
        <translation>Strände</translation>
    </message>
    <message>
        <source>mountains</source>
        <translation>Berge</translation>
    </message>
    <message>
        <source>cities</source>
        <translation>Städte</translation>
    </message>
    <message>
        <source>museums and sights</source>
        <translation>Museen und Sehenswürdigkeiten</translation>
    </message>
    <message>
        <source>the outdoors</source>
        <translation>Aktivitäten im Freien</translation>
    </message>
    <message>
        <source>food trips</source>
        <translation>kulinarische Reisen</translation>
    </message>
    <message>
        <source>nightlife</source>
        <translation>Nachtleben</translation>
    </message>
    <message>
        <source>luxury</source>
        <translation>Luxus</translation>
    </message>
    <message>
        <source>budget places</source>
        <translation>günstige Reiseziele</translation>
    </message>
    <message>
        <source>crowded places</source>
        <translation>überlaufene Orte</translation>
    </message>
    <message>
        <source>very hot places</source>
        <translation>sehr heiße Orte</translation>
    </message>
    <message>
        <source>cold places</source>
        <translation>kalte Orte</translation>
    </message>
    <message>
        <source>about $%1 a day per person</source>
        <translation>etwa %1 $ pro Tag und Person</translation>
    </message>
    <message>
        <source>Have you been anywhere you loved (or didn&apos;t) that I should know about?</source>
        <translation>Gibt es Orte, die Ihnen besonders gefallen (oder gar nicht gefallen) haben und die ich kennen sollte?</translation>
    </message>
    <message>
        <source>Good for %1.</source>
        <translation>Gut geeignet für %1.</translation>
    </message>
    <message>
        <source>Best time to visit: %1.</source>
        <translation>Beste Reisezeit: %1.</translation>
    </message>
    <message>
        <source>Typical cost: %1.</source>
        <translation>Typische Kosten: %1.</translation>
    </message>
    <message>
        <source>Typical cost: %1, within your budget.</source>
        <translation>Typische Kosten: %1, im Rahmen Ihres Budgets.</translation>
    </message>
    <message>
        <source>Typical cost: %1, above your budget.</source>
        <translation>Typische Kosten: %1, über Ihrem Budget.</translation>
    </message>
    <message>
        <source>About %1 km from %2 as the crow flies.</source>
        <translation>Etwa %1 km Luftlinie von %2 entfernt.</translation>
    </message>
    <message>
        <source>About %1 km from %2 as the crow flies, farther than you wanted.</source>
        <translation>Etwa %1 km Luftlinie von %2 entfernt, weiter als gewünscht.</translation>
    </message>
    <message>
        <source>The built-in catalogue has no more destinations to suggest.</source>
        <translation>Im integrierten Katalog gibt es keine weiteren Reiseziele, die ich vorschlagen könnte.</translation>
    </message>
    <message>
        <source>Here are three destinations you might like.</source>
        <translation>Hier sind drei Reiseziele, die Ihnen gefallen könnten.</translation>
    </message>
    <message>
        <source>Based on what you told me (%1), here are three destinations.</source>
        <translation>Ausgehend von Ihren Angaben (%1) habe ich drei Reiseziele für Sie.</translation>
    </message>
    <message>
        <source>You didn&apos;t say what you enjoy on this trip, so I went by your earlier trips.</source>
        <translation>Sie haben nicht gesagt, was Sie auf dieser Reise gern unternehmen möchten, daher habe ich mich an Ihren früheren Reisen orientiert.</translation>
    </message>
    <message>
        <source>Starting from %1, I kept to places within about %2 km as the crow flies (%3).</source>
        <translation>Ausgehend von %1 habe ich mich auf Orte im Umkreis von etwa %2 km Luftlinie beschränkt (%3).</translation>
    </message>
    <message>
        <source>You&apos;d like to keep the journey short (%1), but I don&apos;t know where you start from, so I couldn&apos;t rule places out by distance: tell me your home city and ask for different options.</source>
        <translation>Sie möchten die Anreise kurz halten (%1), aber ich weiß nicht, wo Sie starten, daher konnte ich keine Orte nach Entfernung ausschließen: Nennen Sie mir Ihren Heimatort und bitten Sie um andere Vorschläge.</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>I kept to %1.</source>
        <translation>Ich habe mich auf %1 beschränkt.</translation>
    </message>
    <message>
        <source>Only %1 of the places I know fit within that; the rest are the nearest beyond it.</source>
        <translation>Innerhalb dieses Umkreises habe ich nur %1 der mir bekannten Orte gefunden; die übrigen sind die nächstgelegenen außerhalb davon.</translation>
    </message>
    <message>
        <source>I left out %1 as far as I could.</source>
        <translation>Ich habe %1 so weit wie möglich gemieden.</translation>
    </message>
    <message>
        <source>Here are three other ideas.</source>
        <translation>Hier sind drei weitere Ideen.</translation>
    </message>
    <message>
        <source>Great choice: %1 it is! I&apos;ve set it as your trip&apos;s destination. Next up: where to stay.</source>
        <translation>Gute Wahl: Dann also %1! Das ist jetzt Ihr Reiseziel. Als Nächstes geht es um die Unterkunft.</translation>
    </message>
    <message>
        <source>Thanks, noted. Here are three ideas that take that into account.</source>
        <translation>Danke, notiert. Hier sind drei Ideen, die das berücksichtigen.</translation>
    </message>
    <message>
        <source>Say &quot;let&apos;s go with %1&quot; to choose it, or ask for different options.</source>
        <translation>Sagen Sie „Ich nehme %1“, um dieses Ziel zu wählen, oder bitten Sie um andere Vorschläge.</translation>
    </message>
    <message>
        <source>Tell me a little more about the trip you have in mind.</source>
        <translation>Erzählen Sie mir etwas mehr über die Reise, die Ihnen vorschwebt.</translation>
    </message>
    <message>
        <source>I can tell you more about %1, or suggest different options. When you&apos;ve decided, say &quot;let&apos;s go with&quot; and the name.</source>
        <translation>Ich kann Ihnen mehr über %1 erzählen oder andere Vorschläge machen. Wenn Sie sich entschieden haben, sagen Sie „Ich nehme“ und den Namen.</translation>
    </message>
    <message>
        <source>by train</source>
        <translation>mit dem Zug</translation>
    </message>
    <message>
        <source>by car</source>
        <translation>mit dem Auto</translation>
    </message>
    <message>
        <source>by bus</source>
        <translation>mit dem Bus</translation>
    </message>
    <message>
        <source>flying</source>
        <translation>im Flugzeug</translation>
    </message>
    <message numerus="yes">
        <source>at most %n hours %1</source>
        <translation>
            <numerusform>höchstens %n Stunde %1</numerusform>
            <numerusform>höchstens %n Stunden %1</numerusform>
        </translation>
    </message>
    <message>
        <source>at most %1 hours %2</source>
        <translation>höchstens %1 Stunden %2</translation>
    </message>
    <message>
        <source>within %1 %2</source>
        <translation>im Umkreis von %1 %2</translation>
    </message>
    <message>
        <source>no long flights: about 5 hours&apos; flying at most</source>
        <translation>keine Langstreckenflüge: höchstens etwa 5 Flugstunden</translation>
    </message>
    <message>
        <source>a short flight: about 3 hours at most</source>
        <translation>ein kurzer Flug: höchstens etwa 3 Stunden</translation>
    </message>
    <message>
        <source>not too far</source>
        <translation>nicht zu weit</translation>
    </message>
    <message>
        <source>no flying: a day by train or car</source>
        <translation>ohne Flugzeug: eine Tagesreise mit Zug oder Auto</translation>
    </message>
    <message>
        <source>travelling %1: a day&apos;s journey</source>
        <translation>unterwegs %1: eine Tagesreise</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europa</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Asien</translation>
    </message>
    <message>
        <source>Southeast Asia</source>
        <translation>Südostasien</translation>
    </message>
    <message>
        <source>the Middle East</source>
        <translation>den Nahen Osten</translation>
    </message>
    <message>
        <source>Africa</source>
        <translation>Afrika</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Nordamerika</translation>
    </message>
    <message>
        <source>Central America</source>
        <translation>Mittelamerika</translation>
    </message>
    <message>
        <source>the Caribbean</source>
        <translation>die Karibik</translation>
    </message>
    <message>
        <source>South America</source>
        <translation>Südamerika</translation>
    </message>
    <message>
        <source>Latin America</source>
        <translation>Lateinamerika</translation>
    </message>
    <message>
        <source>Oceania</source>
        <translation>Ozeanien</translation>
    </message>
    <message>
        <source>Scandinavia</source>
        <translation>Skandinavien</translation>
    </message>
    <message>
        <source>the Mediterranean</source>
        <translation>den Mittelmeerraum</translation>
    </message>
</context>
<context>
    <name>tp::Plan</name>
    <message>
        <source>No exchange rate for %1 to %2: costs in %1 are left out of the totals.</source>
        <translation>Kein Wechselkurs von %1 in %2: Kosten in %1 fließen nicht in die Summen ein.</translation>
    </message>
    <message>
        <source>Choose a home currency to add up the costs.</source>
        <translation>Wählen Sie eine Heimatwährung, um die Kosten zusammenzurechnen.</translation>
    </message>
    <message>
        <source>%1 a day × %2 travellers × %3 days</source>
        <translation>%1 pro Tag × %2 Reisende × %3 Tage</translation>
    </message>
    <message>
        <source>The destination has no average cost per day: food and daily costs are not estimated.</source>
        <translation>Das Reiseziel hat keine durchschnittlichen Kosten pro Tag: Verpflegung und Tageskosten werden nicht geschätzt.</translation>
    </message>
    <message>
        <source>The trip has no dates: food and daily costs are not estimated.</source>
        <translation>Die Reise hat keinen Zeitraum: Verpflegung und Tageskosten werden nicht geschätzt.</translation>
    </message>
    <message>
        <source>The stay “%1” has no dates.</source>
        <translation>Die Unterkunft „%1“ hat keinen Zeitraum.</translation>
    </message>
    <message>
        <source>The leg “%1” has no departure date.</source>
        <translation>Die Strecke „%1“ hat kein Abfahrtsdatum.</translation>
    </message>
    <message>
        <source>“%1” and “%2” overlap (%3–%4 and %5–%6)</source>
        <translation>„%1“ und „%2“ überschneiden sich (%3–%4 und %5–%6)</translation>
    </message>
    <message>
        <source>A %1 journey and %2 activities on the same day</source>
        <translation>%1 unterwegs und %2 Aktivitäten am selben Tag</translation>
    </message>
    <message>
        <source>“%1” is %2 km from “%3”, where you stay that night</source>
        <translation>„%1“ ist %2 km von „%3“ entfernt, wo Sie in dieser Nacht übernachten</translation>
    </message>
    <message>
        <source>Nothing planned on this day</source>
        <translation>An diesem Tag ist nichts geplant</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>This trip&apos;s plan was saved by a newer version of Trip Planner (plan format %1; this version reads %2). Update Trip Planner to open it.</source>
        <translation>Der Plan dieser Reise wurde mit einer neueren Version von Trip Planner gespeichert (Planformat %1; diese Version liest %2). Aktualisieren Sie Trip Planner, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>No stay for the night of %1</source>
        <translation>Keine Unterkunft für die Nacht vom %1</translation>
    </message>
    <message>
        <source>Two stays share %1 night(s) from %2</source>
        <translation>Zwei Unterkünfte überschneiden sich ab %2 (Nächte: %1)</translation>
    </message>
    <message>
        <source>“%1” is not booked</source>
        <translation>„%1“ ist nicht gebucht</translation>
    </message>
    <message>
        <source>“%1” is outside the trip&apos;s dates</source>
        <translation>„%1“ liegt außerhalb des Reisezeitraums</translation>
    </message>
    <message>
        <source>“%1” has no arrival time</source>
        <translation>„%1“ hat keine Ankunftszeit</translation>
    </message>
    <message>
        <source>“%1” has no departure time</source>
        <translation>„%1“ hat keine Abfahrtszeit</translation>
    </message>
    <message>
        <source>“%1” has a booking reference but is not marked booked</source>
        <translation>„%1“ hat eine Buchungsnummer, ist aber nicht als gebucht markiert</translation>
    </message>
    <message>
        <source>Over budget by %1 %2</source>
        <translation>Budget um %1 %2 überschritten</translation>
    </message>
</context>
<context>
    <name>tp::PlanImport</name>
    <message>
        <source>the departure time has no local time zone; set the place&apos;s zone</source>
        <translation>die Abfahrtszeit hat keine lokale Zeitzone; legen Sie die Zeitzone des Orts fest</translation>
    </message>
    <message>
        <source>the arrival time has no local time zone; set the place&apos;s zone</source>
        <translation>die Ankunftszeit hat keine lokale Zeitzone; legen Sie die Zeitzone des Orts fest</translation>
    </message>
    <message>
        <source>airports %1 → %2</source>
        <translation>Flughäfen %1 → %2</translation>
    </message>
    <message>
        <source>(destination not recognised)</source>
        <translation>(Ziel nicht erkannt)</translation>
    </message>
    <message>
        <source>the arrival place was not recognised; edit it</source>
        <translation>der Ankunftsort wurde nicht erkannt; bitte bearbeiten Sie ihn</translation>
    </message>
    <message>
        <source>exported by Trip Planner</source>
        <translation>von Trip Planner exportiert</translation>
    </message>
    <message>
        <source>the word “%1”</source>
        <translation>das Wort „%1“</translation>
    </message>
    <message>
        <source>%1, number %2 %3</source>
        <translation>%1, Nummer %2 %3</translation>
    </message>
    <message>
        <source>“%1” has no start (DTSTART).</source>
        <translation>„%1“ hat keinen Beginn (DTSTART).</translation>
    </message>
    <message>
        <source>“%1” has a start that cannot be read (%2).</source>
        <translation>Der Beginn von „%1“ ist nicht lesbar (%2).</translation>
    </message>
    <message>
        <source>%1 nights, all-day</source>
        <translation>%1 Nächte, ganztägig</translation>
    </message>
    <message>
        <source>%1 nights, hotel wording</source>
        <translation>%1 Nächte, typische Hotelbegriffe</translation>
    </message>
    <message>
        <source>(untitled event)</source>
        <translation>(Termin ohne Titel)</translation>
    </message>
    <message>
        <source>the time was given in UTC and is shown in UTC; set the place&apos;s zone</source>
        <translation>die Uhrzeit war in UTC angegeben und wird in UTC angezeigt; legen Sie die Zeitzone des Orts fest</translation>
    </message>
    <message>
        <source>it ends on another day; only the start was kept</source>
        <translation>der Termin endet an einem anderen Tag; nur der Beginn wurde übernommen</translation>
    </message>
    <message>
        <source>an all-day event</source>
        <translation>ein ganztägiger Termin</translation>
    </message>
    <message>
        <source>a timed event</source>
        <translation>ein Termin mit Uhrzeit</translation>
    </message>
    <message>
        <source>is not a valid iCalendar file (END:%1 does not match)</source>
        <translation>ist keine gültige iCalendar-Datei (END:%1 passt nicht)</translation>
    </message>
    <message>
        <source>is not an iCalendar file (no BEGIN:VCALENDAR … END:VCALENDAR)</source>
        <translation>ist keine iCalendar-Datei (kein BEGIN:VCALENDAR … END:VCALENDAR)</translation>
    </message>
    <message>
        <source>time zone “%1” read as %2</source>
        <translation>Zeitzone „%1“ als %2 gelesen</translation>
    </message>
    <message>
        <source>time zone “%1” is not a known zone; its offset %2 from the file was used</source>
        <translation>Zeitzone „%1“ ist keine bekannte Zeitzone; ihr Versatz %2 aus der Datei wurde verwendet</translation>
    </message>
    <message>
        <source>time zone “%1” is unknown and the file does not define it; the time has no zone</source>
        <translation>Zeitzone „%1“ ist unbekannt und in der Datei nicht definiert; die Uhrzeit hat keine Zeitzone</translation>
    </message>
    <message>
        <source>Place at %1, %2</source>
        <translation>Ort bei %1, %2</translation>
    </message>
    <message>
        <source>is not a GPX file (%1)</source>
        <translation>ist keine GPX-Datei (%1)</translation>
    </message>
    <message>
        <source>is not a GPX file</source>
        <translation>ist keine GPX-Datei</translation>
    </message>
    <message>
        <source>is not a KML file (%1)</source>
        <translation>ist keine KML-Datei (%1)</translation>
    </message>
    <message>
        <source>is not a KML file</source>
        <translation>ist keine KML-Datei</translation>
    </message>
    <message>
        <source>is not a GeoJSON file (%1)</source>
        <translation>ist keine GeoJSON-Datei (%1)</translation>
    </message>
    <message>
        <source>is not a GeoJSON Feature or FeatureCollection</source>
        <translation>ist weder ein GeoJSON-Feature noch eine FeatureCollection</translation>
    </message>
</context>
<context>
    <name>tp::PlanValidation</name>
    <message>
        <source>is too large to compute with</source>
        <translation>ist zu groß zum Rechnen</translation>
    </message>
    <message>
        <source>has no date and time</source>
        <translation>hat kein Datum und keine Uhrzeit</translation>
    </message>
    <message>
        <source>has no time zone</source>
        <translation>hat keine Zeitzone</translation>
    </message>
    <message>
        <source>has an unknown time zone &quot;%1&quot;</source>
        <translation>hat eine unbekannte Zeitzone „%1“</translation>
    </message>
    <message>
        <source>is %1 %2, a time that does not exist in %3 (the clocks skip it)</source>
        <translation>ist %1 %2, eine Uhrzeit, die es in %3 nicht gibt (sie wird bei der Zeitumstellung übersprungen)</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>muss Text sein</translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD</source>
        <translation>muss ein Datum im Format YYYY-MM-DD sein</translation>
    </message>
    <message>
        <source>must be a time HH:MM</source>
        <translation>muss eine Uhrzeit im Format HH:MM sein</translation>
    </message>
    <message>
        <source>must be a number written as text, like &quot;12.50&quot;</source>
        <translation>muss eine als Text geschriebene Zahl sein, wie &quot;12.50&quot;</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be a whole number from 1</source>
        <translation>muss eine ganze Zahl ab 1 sein</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be at most %L1 characters</source>
        <translation>darf höchstens %L1 Zeichen lang sein</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>must be at most 64 characters</source>
        <translation>darf höchstens 64 Zeichen lang sein</translation>
    </message>
    <message>
        <source>must be idea or booked</source>
        <translation>muss idea oder booked sein</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <source>is required (an ISO 4217 code such as EUR)</source>
        <translation>ist erforderlich (ein ISO-4217-Code wie EUR)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (such as EUR, USD, JPY)</source>
        <translation>„%1“ ist kein ISO-4217-Währungscode (wie EUR, USD, JPY)</translation>
    </message>
    <message>
        <source>must be between -90 and 90</source>
        <translation>muss zwischen -90 und 90 liegen</translation>
    </message>
    <message>
        <source>must be between -180 and 180</source>
        <translation>muss zwischen -180 und 180 liegen</translation>
    </message>
    <message>
        <source>is required when the other coordinate is set</source>
        <translation>ist erforderlich, wenn die andere Koordinate angegeben ist</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known IANA time zone (such as Europe/Rome)</source>
        <translation>„%1“ ist keine bekannte IANA-Zeitzone (wie Europe/Rome)</translation>
    </message>
    <message>
        <source>is required when a time is given</source>
        <translation>ist erforderlich, wenn eine Uhrzeit angegeben ist</translation>
    </message>
    <message>
        <source>is required with a time (an IANA time zone such as Europe/Rome)</source>
        <translation>ist bei einer Uhrzeit erforderlich (eine IANA-Zeitzone wie Europe/Rome)</translation>
    </message>
    <message>
        <source>is required (YYYY-MM-DD)</source>
        <translation>ist erforderlich (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>must be after the check-in date</source>
        <translation>muss nach dem Check-in-Datum liegen</translation>
    </message>
    <message>
        <source>must be within a year of the check-in date</source>
        <translation>muss innerhalb eines Jahres nach dem Check-in-Datum liegen</translation>
    </message>
    <message>
        <source>must be a web address starting with https:// or http://</source>
        <translation>muss eine Webadresse sein, die mit https:// oder http:// beginnt</translation>
    </message>
    <message>
        <source>must be one of: flight, train, bus, ferry, car, other</source>
        <translation>muss einer dieser Werte sein: flight, train, bus, ferry, car, other</translation>
    </message>
    <message>
        <source>must be after the departure (%1 in %2 is not later than %3 in %4)</source>
        <translation>muss nach der Abfahrt liegen (%1 in %2 ist nicht später als %3 in %4)</translation>
    </message>
    <message>
        <source>is required when a start or end time is given</source>
        <translation>ist erforderlich, wenn eine Beginn- oder Endzeit angegeben ist</translation>
    </message>
    <message>
        <source>is required when an end time is given</source>
        <translation>ist erforderlich, wenn eine Endzeit angegeben ist</translation>
    </message>
    <message>
        <source>must be after the start time</source>
        <translation>muss nach der Beginnzeit liegen</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>muss größer als 0 sein</translation>
    </message>
    <message>
        <source>is required (the date the rate was read, YYYY-MM-DD)</source>
        <translation>ist erforderlich (das Datum, an dem der Kurs abgelesen wurde, YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another item</source>
        <translation>„%1“ wird bereits von einem anderen Eintrag verwendet</translation>
    </message>
    <message>
        <source>The plan has a problem to fix: %1.</source>
        <translation>Der Plan hat ein Problem, das behoben werden muss: %1.</translation>
    </message>
</context>
<context>
    <name>tp::PlanningStagesModel</name>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>▶ %1 (current)</source>
        <translation>▶ %1 (aktuell)</translation>
    </message>
    <message>
        <source>○ %1</source>
        <translation>○ %1</translation>
    </message>
</context>
<context>
    <name>tp::ProviderFromSettings</name>
    <message>
        <source>No API key is saved for Gemini. Add one in Settings, or choose the offline planner.</source>
        <translation>Für Gemini ist kein API-Schlüssel gespeichert. Fügen Sie einen in den Einstellungen hinzu oder wählen Sie den Offline-Planer.</translation>
    </message>
    <message>
        <source>No API key is saved for the OpenAI-compatible server. Add one in Settings, or choose the offline planner.</source>
        <translation>Für den OpenAI-kompatiblen Server ist kein API-Schlüssel gespeichert. Fügen Sie einen in den Einstellungen hinzu oder wählen Sie den Offline-Planer.</translation>
    </message>
    <message>
        <source>The API key for Gemini cannot be read: the system keychain is not available (%1).</source>
        <extracomment>%1: what the keychain said.</extracomment>
        <translation>Der API-Schlüssel für Gemini kann nicht gelesen werden: Der Schlüsselbund des Systems ist nicht verfügbar (%1).</translation>
    </message>
    <message>
        <source>The API key for the OpenAI-compatible server cannot be read: the system keychain is not available (%1).</source>
        <translation>Der API-Schlüssel für den OpenAI-kompatiblen Server kann nicht gelesen werden: Der Schlüsselbund des Systems ist nicht verfügbar (%1).</translation>
    </message>
    <message>
        <source>The API key for Gemini cannot be read from the keychain: %1</source>
        <translation>Der API-Schlüssel für Gemini kann nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>The API key for the OpenAI-compatible server cannot be read from the keychain: %1</source>
        <translation>Der API-Schlüssel für den OpenAI-kompatiblen Server kann nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>tp::SecretStore</name>
    <message>
        <source>The system keychain did not answer in time (is it locked and waiting for a password?).</source>
        <translation>Der Schlüsselbund des Systems hat nicht rechtzeitig geantwortet (ist er gesperrt und wartet auf ein Passwort?).</translation>
    </message>
    <message>
        <source>No secret is stored under this name.</source>
        <translation>Unter diesem Namen sind keine Zugangsdaten gespeichert.</translation>
    </message>
    <message>
        <source>Access to the system keychain was refused (%1).</source>
        <translation>Der Zugriff auf den Schlüsselbund des Systems wurde verweigert (%1).</translation>
    </message>
    <message>
        <source>No system keychain is available (%1).</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar (%1).</translation>
    </message>
    <message>
        <source>The system keychain reported an error (%1).</source>
        <translation>Der Schlüsselbund des Systems hat einen Fehler gemeldet (%1).</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time.</source>
        <translation>Der Schlüsselbund des Systems hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Saved in the system keychain.</source>
        <translation>Im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Removed from the system keychain.</source>
        <translation>Aus dem Schlüsselbund des Systems entfernt.</translation>
    </message>
    <message>
        <source>The session-only secret was forgotten.</source>
        <translation>Die nur für diese Sitzung hinterlegten Zugangsdaten wurden verworfen.</translation>
    </message>
    <message>
        <source>The system keychain is available.</source>
        <translation>Der Schlüsselbund des Systems ist verfügbar.</translation>
    </message>
</context>
<context>
    <name>tp::Settings</name>
    <message>
        <source>database.url must be a postgresql:// URL; the embedded file is set with database.file</source>
        <translation>database.url muss eine postgresql://-URL sein; die integrierte Datei wird mit database.file festgelegt</translation>
    </message>
    <message>
        <source>The URL contains a password, which is never stored in the settings. Store the URL without it and the password in the keychain (tripplanner-cli secret set database-password, or the settings dialog).</source>
        <translation>Die URL enthält ein Passwort, das nie in den Einstellungen gespeichert wird. Speichern Sie die URL ohne Passwort und das Passwort im Schlüsselbund (mit tripplanner-cli secret set database-password oder im Einstellungsdialog).</translation>
    </message>
    <message>
        <source>%1 must be an http:// or https:// URL</source>
        <translation>%1 muss eine http://- oder https://-URL sein</translation>
    </message>
    <message>
        <source>%1 must not contain a user name or password; API keys go to the keychain</source>
        <translation>%1 darf keinen Benutzernamen und kein Passwort enthalten; API-Schlüssel gehören in den Schlüsselbund</translation>
    </message>
    <message>
        <source>%1 must not contain an API key or token (&quot;%2=&quot;): the settings file is not a safe place for one. Use a server that needs no key.</source>
        <translation>%1 darf keinen API-Schlüssel und kein Token enthalten („%2=“): Die Einstellungsdatei ist dafür kein sicherer Ort. Verwenden Sie einen Server, der keinen Schlüssel benötigt.</translation>
    </message>
    <message>
        <source>map.tile-url must contain {z}, {x} and {y}, as in %1</source>
        <translation>map.tile-url muss {z}, {x} und {y} enthalten, wie in %1</translation>
    </message>
    <message>
        <source>%1 is on or off</source>
        <translation>%1 muss on oder off sein</translation>
    </message>
    <message>
        <source>A profile name is 1 to 40 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Ein Profilname besteht aus 1 bis 40 Buchstaben, Ziffern, „-“ oder „_“.</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;; the settings are: %2</source>
        <translation>Unbekannte Einstellung „%1“; verfügbare Einstellungen: %2</translation>
    </message>
    <message>
        <source>database.mode is embedded or postgresql</source>
        <translation>database.mode muss embedded oder postgresql sein</translation>
    </message>
    <message>
        <source>llm.provider is offline, gemini or openai-compatible</source>
        <translation>llm.provider muss offline, gemini oder openai-compatible sein</translation>
    </message>
    <message>
        <source>database.url in the settings file contains a password; it is ignored. Move it to the keychain (the settings dialog offers to, or `tripplanner-cli secret set database-password`) and then run `tripplanner-cli config set database.url` with the URL without it.</source>
        <extracomment>&quot;database.url&quot; is the setting&apos;s key: keep it as it is.</extracomment>
        <translation>database.url in der Einstellungsdatei enthält ein Passwort und wird ignoriert. Verschieben Sie das Passwort in den Schlüsselbund (der Einstellungsdialog bietet das an, oder `tripplanner-cli secret set database-password`) und führen Sie dann `tripplanner-cli config set database.url` mit der URL ohne Passwort aus.</translation>
    </message>
    <message>
        <source>%1 in the settings file is ignored (the default is used): %2</source>
        <extracomment>%1: the setting&apos;s key (&quot;database.url&quot;), as it is; %2: why the value is ignored.</extracomment>
        <translation>%1 in der Einstellungsdatei wird ignoriert (es gilt der Standardwert): %2</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>Die Einstellungen konnten nicht in %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>PostgreSQL is selected but no server is set.</source>
        <translation>PostgreSQL ist ausgewählt, aber es ist kein Server festgelegt.</translation>
    </message>
    <message>
        <source>ui.language is a language code such as de, fr or es (empty: the system&apos;s)</source>
        <translation>ui.language ist ein Sprachcode wie de, fr oder es (leer: die Sprache des Systems)</translation>
    </message>
</context>
<context>
    <name>tp::Suggest</name>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD)</source>
        <translation>„%1“ ist kein Datum (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (HH:MM)</source>
        <translation>„%1“ ist keine Uhrzeit (HH:MM)</translation>
    </message>
    <message>
        <source>is not an amount this plan can hold</source>
        <translation>ist kein Betrag, den dieser Plan speichern kann</translation>
    </message>
    <message>
        <source>The planner&apos;s answer held no proposals that could be read. Try again.</source>
        <translation>Die Antwort des Planers enthielt keine lesbaren Vorschläge. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1: %2 to %3</source>
        <translation>%1: %2 bis %3</translation>
    </message>
    <message>
        <source>Idea: %1</source>
        <translation>Idee: %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>is %1, not the plan&apos;s home currency %2</source>
        <translation>ist %1, nicht die Heimatwährung %2 des Plans</translation>
    </message>
    <message>
        <source>the plan has no home currency to hold the budget: choose one first</source>
        <translation>der Plan hat keine Heimatwährung für das Budget: Wählen Sie zuerst eine</translation>
    </message>
    <message>
        <source>Trip budget: %1</source>
        <translation>Reisebudget: %1</translation>
    </message>
    <message>
        <source>%1 of the planner&apos;s proposals could not be read and are not shown.</source>
        <translation>Nicht lesbare Vorschläge des Planers (werden nicht angezeigt): %1.</translation>
    </message>
    <message>
        <source>The built-in planner proposes only what it can work out from the bundled data and your plan: it names no hotels or venues, and prices only from the destination&apos;s average cost per day. A model (Settings → AI planner) gives richer suggestions.</source>
        <translation>Der integrierte Planer schlägt nur vor, was er aus den mitgelieferten Daten und Ihrem Plan ableiten kann: Er nennt keine Hotels oder Lokale und schätzt Preise nur anhand der durchschnittlichen Kosten pro Tag des Reiseziels. Ein Modell (Einstellungen → KI-Planer) liefert reichhaltigere Vorschläge.</translation>
    </message>
    <message>
        <source>Choose the trip&apos;s destination first: the suggestions are for a place.</source>
        <translation>Wählen Sie zuerst das Reiseziel der Reise: Die Vorschläge gelten für einen Ort.</translation>
    </message>
    <message>
        <source>Give the trip its dates first: the suggestions fill the days from the first to the last.</source>
        <translation>Legen Sie zuerst den Zeitraum der Reise fest: Die Vorschläge füllen die Tage vom ersten bis zum letzten.</translation>
    </message>
    <message>
        <source>A stay in central %1</source>
        <translation>Unterkunft im Zentrum von %1</translation>
    </message>
    <message>
        <source>%1 centre</source>
        <translation>%1, Zentrum</translation>
    </message>
    <message>
        <source>Choose a hotel or flat near the centre, then add its name, address and price.</source>
        <translation>Wählen Sie ein Hotel oder eine Wohnung nahe dem Zentrum und tragen Sie dann Name, Adresse und Preis ein.</translation>
    </message>
    <message numerus="yes">
        <source>Stay near the centre of %1: %2 to %3 (%n nights)</source>
        <translation>
            <numerusform>Unterkunft nahe dem Zentrum von %1: %2 bis %3 (%n Nacht)</numerusform>
            <numerusform>Unterkunft nahe dem Zentrum von %1: %2 bis %3 (%n Nächte)</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan has no stay for these nights. Staying central keeps the walks and rides short; the built-in planner knows no hotels, so the name and price are yours to fill in.</source>
        <translation>Der Plan hat für diese Nächte keine Unterkunft. Eine zentrale Lage hält Wege und Fahrten kurz; der integrierte Planer kennt keine Hotels, daher tragen Sie Name und Preis selbst ein.</translation>
    </message>
    <message>
        <source>Every night of the trip already has a stay.</source>
        <translation>Für jede Nacht der Reise gibt es bereits eine Unterkunft.</translation>
    </message>
    <message>
        <source>A one-day trip has no night to stay.</source>
        <translation>Bei einer eintägigen Reise gibt es keine Übernachtung.</translation>
    </message>
    <message>
        <source>A day at the beach near %1</source>
        <translation>Ein Tag am Strand bei %1</translation>
    </message>
    <message>
        <source>Swimming or snorkelling from a quieter cove</source>
        <translation>Schwimmen oder Schnorcheln in einer ruhigeren Bucht</translation>
    </message>
    <message>
        <source>A mountain walk to a viewpoint above %1</source>
        <translation>Eine Bergwanderung zu einem Aussichtspunkt oberhalb von %1</translation>
    </message>
    <message>
        <source>A cable car or scenic drive into the mountains</source>
        <translation>Eine Seilbahn- oder Panoramafahrt in die Berge</translation>
    </message>
    <message>
        <source>A walking tour of %1&apos;s old town</source>
        <translation>Ein Rundgang durch die Altstadt von %1</translation>
    </message>
    <message>
        <source>Markets and neighbourhoods away from the main streets</source>
        <translation>Märkte und Viertel abseits der Hauptstraßen</translation>
    </message>
    <message>
        <source>%1&apos;s main museum or historic site</source>
        <translation>Hauptmuseum oder historische Stätte von %1</translation>
    </message>
    <message>
        <source>A guided visit of the historic centre</source>
        <translation>Eine Führung durch das historische Zentrum</translation>
    </message>
    <message>
        <source>A walk in a nature park near %1</source>
        <translation>Ein Spaziergang in einem Naturpark bei %1</translation>
    </message>
    <message>
        <source>Sunrise or sunset at a viewpoint</source>
        <translation>Sonnenaufgang oder Sonnenuntergang an einem Aussichtspunkt</translation>
    </message>
    <message>
        <source>A food market and %1&apos;s local specialities</source>
        <translation>Ein Markt und die lokalen Spezialitäten von %1</translation>
    </message>
    <message>
        <source>A cooking class or food tour</source>
        <translation>Ein Kochkurs oder eine kulinarische Tour</translation>
    </message>
    <message>
        <source>An evening out: bars and live music</source>
        <translation>Ein Abend in der Stadt: Bars und Livemusik</translation>
    </message>
    <message>
        <source>An afternoon at a spa</source>
        <translation>Ein Nachmittag im Spa</translation>
    </message>
    <message>
        <source>A free walking tour of %1</source>
        <translation>Eine kostenlose Stadtführung durch %1</translation>
    </message>
    <message>
        <source>%1 is known for %2, which you said you enjoy.</source>
        <translation>%1 ist bekannt für %2, was Ihnen laut Ihren Angaben gefällt.</translation>
    </message>
    <message>
        <source>%1 is known for %2.</source>
        <translation>%1 ist bekannt für %2.</translation>
    </message>
    <message>
        <source>The plan already holds every idea the built-in planner has for %1. %2</source>
        <translation>Der Plan enthält bereits alle Ideen, die der integrierte Planer für %1 hat. %2</translation>
    </message>
    <message>
        <source>the destination</source>
        <translation>Ihrem Reiseziel</translation>
    </message>
    <message>
        <source>One of your ideas, on a free day in %1.</source>
        <translation>Eine Ihrer Ideen, an einem freien Tag in %1.</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Weiterreise nach %1</translation>
    </message>
    <message>
        <source>You change stays that day: keep it light, and check the way between them.</source>
        <translation>An diesem Tag wechseln Sie die Unterkunft: Planen Sie wenig ein und prüfen Sie den Weg zwischen den Unterkünften.</translation>
    </message>
    <message>
        <source>Arrive and settle in; a first walk around %1</source>
        <translation>Ankommen und sich einrichten; ein erster Spaziergang in %1</translation>
    </message>
    <message>
        <source>The first day goes to getting there and checking in.</source>
        <translation>Der erste Tag gehört der Anreise und dem Check-in.</translation>
    </message>
    <message>
        <source>Pack, check out and travel home</source>
        <translation>Packen, auschecken und nach Hause reisen</translation>
    </message>
    <message>
        <source>The last day goes to the journey home.</source>
        <translation>Der letzte Tag gehört der Heimreise.</translation>
    </message>
    <message>
        <source>Rest day in %1: nothing planned</source>
        <translation>Ruhetag in %1: nichts geplant</translation>
    </message>
    <message>
        <source>A free day every few days keeps a long trip enjoyable.</source>
        <translation>Ein freier Tag alle paar Tage macht eine lange Reise angenehmer.</translation>
    </message>
    <message>
        <source>Explore %1 at your own pace</source>
        <translation>Auf eigene Faust unterwegs in %1</translation>
    </message>
    <message>
        <source>Every idea is on a day already: a free day to wander.</source>
        <translation>Alle Ideen sind bereits eingeplant: ein freier Tag zum Bummeln.</translation>
    </message>
    <message>
        <source>Every day of the trip already has something planned.</source>
        <translation>Für jeden Tag der Reise ist bereits etwas geplant.</translation>
    </message>
    <message>
        <source>Home currency: %1</source>
        <translation>Heimatwährung: %1</translation>
    </message>
    <message>
        <source>The destination&apos;s cost per day is the catalogue&apos;s figure in US dollars. Choose another currency in the Budget stage if you count in it.</source>
        <translation>Die Tageskosten des Reiseziels sind die Angabe des Katalogs in US-Dollar. Wählen Sie in der Phase „Budget“ eine andere Währung, wenn Sie in dieser rechnen.</translation>
    </message>
    <message>
        <source>Most of the plan&apos;s prices are in %1.</source>
        <translation>Die meisten Preise im Plan sind in %1 angegeben.</translation>
    </message>
    <message>
        <source>The trip&apos;s budget already matches the estimate (%1 %2).</source>
        <translation>Das Budget der Reise entspricht bereits der Schätzung (%1 %2).</translation>
    </message>
    <message>
        <source>Trip budget: %1 %2</source>
        <translation>Reisebudget: %1 %2</translation>
    </message>
    <message>
        <source>Food and daily costs at the destination&apos;s average: %1 = %2.</source>
        <translation>Verpflegung und Tageskosten nach den Durchschnittskosten des Reiseziels: %1 = %2.</translation>
    </message>
    <message>
        <source>Plus %1 that the plan&apos;s stays, transport, activities and other costs already price.</source>
        <translation>Zuzüglich %1 für die bereits mit Preisen erfassten Unterkünfte, Transporte, Aktivitäten und sonstigen Kosten des Plans.</translation>
    </message>
    <message>
        <source>The trip&apos;s budget is %1 now.</source>
        <translation>Das Budget der Reise beträgt jetzt %1.</translation>
    </message>
    <message>
        <source>That is more than the %1 your preferences give as the most for a trip.</source>
        <translation>Das ist mehr als die %1, die Ihre Vorlieben als Höchstbudget für eine Reise angeben.</translation>
    </message>
    <message>
        <source>That is less than the %1 your preferences give as the least for a trip.</source>
        <translation>Das ist weniger als die %1, die Ihre Vorlieben als Mindestbudget für eine Reise angeben.</translation>
    </message>
    <message>
        <source>Not counted: %1</source>
        <translation>Nicht berücksichtigt: %1</translation>
    </message>
    <message>
        <source>%1 is outside the trip (%2 to %3)</source>
        <translation>%1 liegt außerhalb der Reise (%2 bis %3)</translation>
    </message>
    <message>
        <source>leaves %1 min to cover the %2 km from &quot;%3&quot; (about %4 min)</source>
        <translation>lässt %1 min für die %2 km von „%3“ (nötig sind etwa %4 min)</translation>
    </message>
    <message>
        <source>leaves %1 min to cover the %2 km to &quot;%3&quot; (about %4 min)</source>
        <translation>lässt %1 min für die %2 km nach „%3“ (nötig sind etwa %4 min)</translation>
    </message>
    <message>
        <source>the activity is no longer in the plan</source>
        <translation>die Aktivität ist nicht mehr im Plan</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (such as EUR, USD, JPY)</source>
        <translation>„%1“ ist kein ISO-4217-Währungscode (wie EUR, USD, JPY)</translation>
    </message>
    <message>
        <source>puts the same idea on a day twice</source>
        <translation>plant dieselbe Idee zweimal ein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and &quot;%2&quot; are both for the night of %3</source>
        <translation>„%1“ und „%2“ gelten beide für die Nacht vom %3</translation>
    </message>
    <message>
        <source>there are no proposals to accept</source>
        <translation>es gibt keine Vorschläge zum Übernehmen</translation>
    </message>
    <message>
        <source>none of the proposals can be accepted as it is</source>
        <translation>keiner der Vorschläge kann unverändert übernommen werden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a proposal&apos;s number: give numbers from 1 to %2, separated by commas, or all</source>
        <translation>„%1“ ist keine Vorschlagsnummer: Geben Sie Nummern von 1 bis %2 an, durch Kommas getrennt, oder all</translation>
    </message>
    <message>
        <source>proposal %1 cannot be accepted: %2 %3</source>
        <translation>Vorschlag %1 kann nicht übernommen werden: %2 %3</translation>
    </message>
    <message>
        <source>give proposal numbers separated by commas (1,3), or all</source>
        <translation>geben Sie Vorschlagsnummern durch Kommas getrennt an (1,3) oder all</translation>
    </message>
    <message>
        <source>the file names no stage this version knows</source>
        <translation>die Datei nennt keine Phase, die diese Version kennt</translation>
    </message>
    <message>
        <source>the file names no trip</source>
        <translation>die Datei nennt keine Reise</translation>
    </message>
    <message>
        <source>is not a kind of proposal this version knows</source>
        <translation>ist keine Art von Vorschlag, die diese Version kennt</translation>
    </message>
    <message>
        <source>is not an amount</source>
        <translation>ist kein Betrag</translation>
    </message>
</context>
<context>
    <name>tp::TripListModel</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Reiseziel</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Travellers</source>
        <translation>Reisende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>tp::Validation</name>
    <message>
        <source>contains a NUL character</source>
        <translation>enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>ist keine Zahl</translation>
    </message>
    <message>
        <source>is not a number (use digits and a &apos;.&apos; decimal point)</source>
        <translation>ist keine Zahl (Ziffern und &apos;.&apos; als Dezimaltrennzeichen verwenden)</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>has more than %1 decimals</source>
        <translation>hat mehr als %1 Nachkommastellen</translation>
    </message>
    <message>
        <source>is too large (at most %1 digits before the decimal point)</source>
        <translation>ist zu groß (höchstens %1 Vorkommastellen)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>One field error in an error message: %1 is the field&apos;s key (an identifier such as &quot;end_date&quot;, not translated), %2 the problem (&quot;must not be before the start date&quot;).</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>is required</source>
        <extracomment>A field error, shown after the field&apos;s name: &quot;Title is required&quot;, &quot;title: is required&quot;.</extracomment>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be at most %L1 characters (it has %L2)</source>
        <translation>darf höchstens %L1 Zeichen lang sein (es sind %L2)</translation>
    </message>
    <message>
        <source>must not be before the start date</source>
        <translation>darf nicht vor dem Startdatum liegen</translation>
    </message>
    <message>
        <source>must have 2 decimals</source>
        <translation>muss 2 Nachkommastellen haben</translation>
    </message>
    <message>
        <source>must be between 0 and 99,999,999.99</source>
        <translation>muss zwischen 0 und 99.999.999,99 liegen</translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation>muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>muss einer der folgenden Werte sein: %1</translation>
    </message>
    <message>
        <source>must be between 0 and 999,999.99</source>
        <translation>muss zwischen 0 und 999.999,99 liegen</translation>
    </message>
    <message>
        <source>must be between -90 and 90</source>
        <translation>muss zwischen -90 und 90 liegen</translation>
    </message>
    <message>
        <source>must be between -180 and 180</source>
        <translation>muss zwischen -180 und 180 liegen</translation>
    </message>
    <message>
        <source>is required when the other coordinate is set</source>
        <translation>ist erforderlich, wenn die andere Koordinate angegeben ist</translation>
    </message>
    <message>
        <source>must not be less than the minimum budget</source>
        <translation>darf nicht kleiner als das Mindestbudget sein</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <source>may contain only letters, digits and @ . + - _</source>
        <translation>darf nur Buchstaben, Ziffern und @ . + - _ enthalten</translation>
    </message>
    <message>
        <source>must be between -%1 and %1</source>
        <translation>muss zwischen -%1 und %1 liegen</translation>
    </message>
    <message>
        <source>is not a valid date (use YYYY-MM-DD): %1</source>
        <translation>ist kein gültiges Datum (Format YYYY-MM-DD): %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 already exists</source>
        <extracomment>A field error, shown after the name field&apos;s label: &quot;Name &quot;Valencia&quot; in Spain already exists&quot;.</extracomment>
        <translation>„%1“ in %2 existiert bereits</translation>
    </message>
    <message>
        <source>there is no destination with id %1</source>
        <translation>es gibt kein Reiseziel mit der ID %1</translation>
    </message>
    <message>
        <source>must be at most 254 characters</source>
        <translation>darf höchstens 254 Zeichen lang sein</translation>
    </message>
</context>
<context>
    <name>tp::app::SuggestionRunner</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No model is chosen in the settings.</source>
        <translation>In den Einstellungen ist kein Modell ausgewählt.</translation>
    </message>
    <message>
        <source>The planner failed unexpectedly.</source>
        <translation>Beim Planer ist ein unerwarteter Fehler aufgetreten.</translation>
    </message>
</context>
<context>
    <name>tp::app::TripSession</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>tp::cli</name>
    <message>
        <source>completion bash|zsh|fish: print the shell&apos;s completion script.
Packages install them; by hand, for example:
  tripplanner-cli completion bash &gt; ~/.local/share/bash-completion/completions/tripplanner-cli</source>
        <translation>completion bash|zsh|fish: das Vervollständigungsskript der Shell ausgeben.
Pakete installieren die Skripte; manuell zum Beispiel:
  tripplanner-cli completion bash &gt; ~/.local/share/bash-completion/completions/tripplanner-cli</translation>
    </message>
    <message>
        <source>completion needs bash, zsh or fish</source>
        <translation>completion erwartet bash, zsh oder fish</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-- Dry run: %n migrations executed inside a transaction and rolled back; nothing changed (schema version %1).</source>
        <translation>
            <numerusform>-- Probelauf: %n Migration in einer Transaktion ausgeführt und zurückgerollt; nichts geändert (Schemaversion %1).</numerusform>
            <numerusform>-- Probelauf: %n Migrationen in einer Transaktion ausgeführt und zurückgerollt; nichts geändert (Schemaversion %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n features that are not single places (tracks, routes, areas).</source>
        <translation>
            <numerusform>%n Objekt übersprungen, das kein einzelner Ort ist (Tracks, Routen, Flächen).</numerusform>
            <numerusform>%n Objekte übersprungen, die keine einzelnen Orte sind (Tracks, Routen, Flächen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n places recognised; nothing added. Run again with --apply to add them as ideas.</source>
        <translation>
            <numerusform>%n Ort erkannt; nichts hinzugefügt. Führen Sie den Befehl mit --apply erneut aus, um ihn als Idee hinzuzufügen.</numerusform>
            <numerusform>%n Orte erkannt; nichts hinzugefügt. Führen Sie den Befehl mit --apply erneut aus, um sie als Ideen hinzuzufügen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n ideas to the plan.</source>
        <translation>
            <numerusform>%n Idee zum Plan hinzugefügt.</numerusform>
            <numerusform>%n Ideen zum Plan hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items recognised; nothing added. Run again with --apply to add them.</source>
        <translation>
            <numerusform>%n Eintrag erkannt; nichts hinzugefügt. Führen Sie den Befehl mit --apply erneut aus, um ihn hinzuzufügen.</numerusform>
            <numerusform>%n Einträge erkannt; nichts hinzugefügt. Führen Sie den Befehl mit --apply erneut aus, um sie hinzuzufügen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n items to the plan.</source>
        <translation>
            <numerusform>%n Eintrag zum Plan hinzugefügt.</numerusform>
            <numerusform>%n Einträge zum Plan hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n events to %1</source>
        <translation>
            <numerusform>%n Termin in %1 geschrieben</numerusform>
            <numerusform>%n Termine in %1 geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n pages to %1</source>
        <translation>
            <numerusform>%n Seite in %1 geschrieben</numerusform>
            <numerusform>%n Seiten in %1 geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n things to see to</source>
        <translation>
            <numerusform>%n offener Punkt</numerusform>
            <numerusform>%n offene Punkte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n proposal(s) into the plan of trip %1:</source>
        <translation>
            <numerusform>%n Vorschlag in den Plan der Reise %1 übernommen:</numerusform>
            <numerusform>%n Vorschläge in den Plan der Reise %1 übernommen:</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no user named &quot;%1&quot; (see: users list).</source>
        <translation>Es gibt keinen Benutzer namens „%1“ (siehe: users list).</translation>
    </message>
    <message>
        <source>missing argument</source>
        <translation>fehlendes Argument</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>Talk to the trip planner about one trip: one message per line on stdin, the planner&apos;s reply to each on stdout. Without --provider the saved settings choose it. The API key comes from $TRIPPLANNER_LLM_API_KEY, else from the keychain (`secret set llm-api-key`).</source>
        <translation>Mit dem Planer über eine Reise sprechen: eine Nachricht pro Zeile auf stdin, die Antwort des Planers auf jede davon auf stdout. Ohne --provider bestimmen die gespeicherten Einstellungen den Anbieter. Der API-Schlüssel kommt aus $TRIPPLANNER_LLM_API_KEY, sonst aus dem Schlüsselbund (`secret set llm-api-key`).</translation>
    </message>
    <message>
        <source>The user (default: the local user named after your OS account).</source>
        <translation>Der Benutzer (Standard: der lokale Benutzer, der wie Ihr Betriebssystemkonto heißt).</translation>
    </message>
    <message>
        <source>The trip id.</source>
        <translation>Die Reise-ID.</translation>
    </message>
    <message>
        <source>--trip needs a trip id (a positive whole number)</source>
        <translation>--trip erwartet eine Reise-ID (eine positive ganze Zahl)</translation>
    </message>
    <message>
        <source>cannot read stdin</source>
        <translation>stdin kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>line %1 contains a NUL character</source>
        <translation>Zeile %1 enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>line %1 is not valid UTF-8 text</source>
        <translation>Zeile %1 ist kein gültiger UTF-8-Text</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: %1; nothing was saved for it.</source>
        <translation>tripplanner-cli: Fehler: %1; dafür wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: %1 (nothing was saved for: %2)</source>
        <translation>tripplanner-cli: Fehler: %1 (nichts gespeichert für: %2)</translation>
    </message>
    <message>
        <source>Settings profile (default: default).</source>
        <translation>Einstellungsprofil (Standard: default).</translation>
    </message>
    <message>
        <source>set (this session only)</source>
        <translation>gesetzt (nur für diese Sitzung)</translation>
    </message>
    <message>
        <source>set (in the keychain)</source>
        <translation>gesetzt (im Schlüsselbund)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>unknown: no keychain available</source>
        <translation>unbekannt: kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>unknown: the keychain reported an error</source>
        <translation>unbekannt: Der Schlüsselbund hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>(embedded)</source>
        <translation>(integriert)</translation>
    </message>
    <message>
        <source>(default: %1)</source>
        <translation>(Standard: %1)</translation>
    </message>
    <message>
        <source>(offline)</source>
        <translation>(offline)</translation>
    </message>
    <message>
        <source>(on)</source>
        <translation>(an)</translation>
    </message>
    <message>
        <source>Profile: %1   File: %2</source>
        <translation>Profil: %1   Datei: %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>unknown secret &quot;%1&quot; (database-password or llm-api-key)</source>
        <translation>unbekannter Name „%1“ (database-password oder llm-api-key)</translation>
    </message>
    <message>
        <source>--provider is gemini or openai-compatible</source>
        <translation>--provider muss gemini oder openai-compatible sein</translation>
    </message>
    <message>
        <source>the offline planner needs no key; name the provider with --provider gemini or --provider openai-compatible</source>
        <translation>der Offline-Planer braucht keinen Schlüssel; geben Sie den Anbieter mit --provider gemini oder --provider openai-compatible an</translation>
    </message>
    <message>
        <source>usage: config show | config set KEY VALUE | config unset KEY  [--profile NAME]
keys: %1
(secrets are set with: secret set database-password|llm-api-key, value on stdin)</source>
        <translation>Aufruf: config show | config set KEY VALUE | config unset KEY  [--profile NAME]
Schlüssel: %1
(Zugangsdaten werden gesetzt mit: secret set database-password|llm-api-key, Wert auf stdin)</translation>
    </message>
    <message>
        <source>%1 unset</source>
        <translation>%1 zurückgesetzt</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>usage: secret set NAME [--provider P] [--profile NAME]   (the value is read from stdin)
       secret clear NAME [--provider P] [--profile NAME]
names: database-password, llm-api-key (of --provider gemini|openai-compatible, default: the configured llm.provider)</source>
        <translation>Aufruf: secret set NAME [--provider P] [--profile NAME]   (der Wert wird von stdin gelesen)
        secret clear NAME [--provider P] [--profile NAME]
Namen: database-password, llm-api-key (für --provider gemini|openai-compatible, Standard: der konfigurierte llm.provider)</translation>
    </message>
    <message>
        <source>LLM provider of the API key.</source>
        <translation>LLM-Anbieter des API-Schlüssels.</translation>
    </message>
    <message>
        <source>invalid arguments (the secret is read from stdin, never from the command line)</source>
        <translation>ungültige Argumente (der geheime Wert wird von stdin gelesen, nie von der Befehlszeile)</translation>
    </message>
    <message>
        <source>%1 cleared</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>%1 was not set</source>
        <translation>%1 war nicht gesetzt</translation>
    </message>
    <message>
        <source>error: the value on stdin contains a NUL character or is not valid UTF-8 text; nothing was stored</source>
        <translation>Fehler: Der Wert auf stdin enthält ein NUL-Zeichen oder ist kein gültiger UTF-8-Text; es wurde nichts gespeichert</translation>
    </message>
    <message>
        <source>error: no value on stdin (pipe the secret in, e.g. from a password manager)</source>
        <translation>Fehler: kein Wert auf stdin (leiten Sie den geheimen Wert per Pipe weiter, z. B. aus einem Passwortmanager)</translation>
    </message>
    <message>
        <source>%1 saved in the system keychain</source>
        <translation>%1 im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>error: %1 Nothing was stored: the app never keeps secrets in plain text. Use the DATABASE_URL environment variable or the settings dialog&apos;s session-only option instead.</source>
        <translation>Fehler: %1 Es wurde nichts gespeichert: Die App speichert Zugangsdaten nie im Klartext. Verwenden Sie stattdessen die Umgebungsvariable DATABASE_URL oder im Einstellungsdialog die Option „nur für diese Sitzung“.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>CITY</source>
        <translation>STADT</translation>
    </message>
    <message>
        <source>COUNTRY</source>
        <translation>LAND</translation>
    </message>
    <message>
        <source>COORDINATES</source>
        <translation>KOORDINATEN</translation>
    </message>
    <message>
        <source>PER DAY</source>
        <translation>PRO TAG</translation>
    </message>
    <message>
        <source>BEST TIME</source>
        <translation>REISEZEIT</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>destinations list: the catalogue, by name.</source>
        <translation>destinations list: der Katalog, nach Namen sortiert.</translation>
    </message>
    <message>
        <source>destinations search TEXT: the destinations where every word of TEXT begins a word of the name, city, country or description (case and accents ignored: &quot;sao paulo&quot; finds São Paulo).</source>
        <translation>destinations search TEXT: die Reiseziele, bei denen jedes Wort von TEXT ein Wort in Name, Stadt, Land oder Beschreibung einleitet (ohne Beachtung von Groß-/Kleinschreibung und Akzenten: „sao paulo“ findet São Paulo).</translation>
    </message>
    <message>
        <source>Words to look for.</source>
        <translation>Die zu suchenden Wörter.</translation>
    </message>
    <message>
        <source>destinations add --name NAME --country COUNTRY [fields]</source>
        <translation>destinations add --name NAME --country COUNTRY [fields]</translation>
    </message>
    <message>
        <source>Name (required).</source>
        <translation>Name (erforderlich).</translation>
    </message>
    <message>
        <source>Country (required).</source>
        <translation>Land (erforderlich).</translation>
    </message>
    <message>
        <source>City.</source>
        <translation>Stadt.</translation>
    </message>
    <message>
        <source>Description.</source>
        <translation>Beschreibung.</translation>
    </message>
    <message>
        <source>Best time to visit.</source>
        <translation>Beste Reisezeit.</translation>
    </message>
    <message>
        <source>Typical cost per day, e.g. 85.50.</source>
        <translation>Typische Kosten pro Tag, z. B. 85.50.</translation>
    </message>
    <message>
        <source>Latitude, -90 to 90, at most 6 decimals.</source>
        <translation>Breitengrad, -90 bis 90, höchstens 6 Nachkommastellen.</translation>
    </message>
    <message>
        <source>Longitude, -180 to 180, at most 6 decimals.</source>
        <translation>Längengrad, -180 bis 180, höchstens 6 Nachkommastellen.</translation>
    </message>
    <message>
        <source>Created destination %1: %2, %3</source>
        <translation>Reiseziel %1 erstellt: %2, %3</translation>
    </message>
    <message>
        <source>destinations locate: give every destination without coordinates the position of its city (or name) in the offline gazetteer, and record where it came from.</source>
        <translation>destinations locate: allen Reisezielen ohne Koordinaten die Position ihrer Stadt (oder ihres Namens) aus dem Offline-Ortsverzeichnis zuweisen und die Herkunft vermerken.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n destinations without coordinates placed; %2 not found.</source>
        <translation>
            <numerusform>%1 von %n Reiseziel ohne Koordinaten verortet; %2 nicht gefunden.</numerusform>
            <numerusform>%1 von %n Reisezielen ohne Koordinaten verortet; %2 nicht gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>destinations needs list, search, add or locate</source>
        <translation>destinations erwartet list, search, add oder locate</translation>
    </message>
    <message>
        <source>unknown destinations command &quot;%1&quot;</source>
        <translation>unbekannter destinations-Befehl „%1“</translation>
    </message>
    <message>
        <source>Check the database: reachability, server, TLS, pooling, schema, latency.</source>
        <translation>Datenbank prüfen: Erreichbarkeit, Server, TLS, Pooling, Schema, Latenz.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <source>NO: %1</source>
        <translation>NEIN: %1</translation>
    </message>
    <message>
        <source>yes (connected in %1 ms)</source>
        <translation>ja (verbunden in %1 ms)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>pooled (a connection pooler such as PgBouncer or Neon&apos;s -pooler endpoint)</source>
        <translation>mit Pooling (ein Verbindungspooler wie PgBouncer oder der -pooler-Endpunkt von Neon)</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>SQLite %1 (embedded file)</source>
        <translation>SQLite %1 (integrierte Datei)</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>nicht zutreffend</translation>
    </message>
    <message>
        <source>embedded</source>
        <translation>integriert</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>PROBLEM: version %1 is newer than this app understands (%2); update Trip Planner</source>
        <translation>PROBLEM: Version %1 ist neuer, als diese App versteht (%2); aktualisieren Sie Trip Planner</translation>
    </message>
    <message numerus="yes">
        <source>PROBLEM: version %1, %n pending (%2), tables made by the web app will be adopted; run `tripplanner-cli migrate`</source>
        <translation>
            <numerusform>PROBLEM: Version %1, %n Migration ausstehend (%2), von der Web-App angelegte Tabellen werden übernommen; führen Sie `tripplanner-cli migrate` aus</numerusform>
            <numerusform>PROBLEM: Version %1, %n Migrationen ausstehend (%2), von der Web-App angelegte Tabellen werden übernommen; führen Sie `tripplanner-cli migrate` aus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PROBLEM: version %1, %n pending (%2); run `tripplanner-cli migrate`</source>
        <translation>
            <numerusform>PROBLEM: Version %1, %n Migration ausstehend (%2); führen Sie `tripplanner-cli migrate` aus</numerusform>
            <numerusform>PROBLEM: Version %1, %n Migrationen ausstehend (%2); führen Sie `tripplanner-cli migrate` aus</numerusform>
        </translation>
    </message>
    <message>
        <source>version %1 (current)</source>
        <translation>Version %1 (aktuell)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>%1 ms (median of 5 round trips)</source>
        <translation>%1 ms (Median aus 5 Messungen)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>export --user NAME [--output FILE]: all of one user&apos;s data as one JSON document.</source>
        <translation>export --user NAME [--output FILE]: alle Daten eines Benutzers als ein JSON-Dokument.</translation>
    </message>
    <message>
        <source>The user whose data to export (required).</source>
        <translation>Der Benutzer, dessen Daten exportiert werden (erforderlich).</translation>
    </message>
    <message>
        <source>Write to this file instead of standard output.</source>
        <translation>In diese Datei statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>export needs --user NAME</source>
        <translation>export erwartet --user NAME</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported %1&apos;s data to %2.</source>
        <translation>Daten von %1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Create or update the database schema.</source>
        <translation>Datenbankschema anlegen oder aktualisieren.</translation>
    </message>
    <message>
        <source>Print the SQL and run it inside a transaction that is rolled back.</source>
        <translation>SQL ausgeben und in einer Transaktion ausführen, die zurückgerollt wird.</translation>
    </message>
    <message>
        <source>Applied %1</source>
        <translation>%1 angewendet</translation>
    </message>
    <message>
        <source>The schema is up to date (version %1).</source>
        <translation>Das Schema ist aktuell (Version %1).</translation>
    </message>
    <message>
        <source>The schema is now at version %1.</source>
        <translation>Das Schema hat jetzt Version %1.</translation>
    </message>
    <message>
        <source>The trip&apos;s id (see: trips list).</source>
        <translation>Die ID der Reise (siehe: trips list).</translation>
    </message>
    <message>
        <source>--trip ID is required</source>
        <translation>--trip ID ist erforderlich</translation>
    </message>
    <message>
        <source>must be a trip id (a positive whole number)</source>
        <translation>muss eine Reise-ID sein (eine positive ganze Zahl)</translation>
    </message>
    <message>
        <source>The place: a name, or an IATA airport code (FCO) looked up offline.</source>
        <translation>Der Ort: ein Name oder ein IATA-Flughafencode (FCO), offline nachgeschlagen.</translation>
    </message>
    <message>
        <source>The place&apos;s latitude (-90 to 90).</source>
        <translation>Breitengrad des Orts (-90 bis 90).</translation>
    </message>
    <message>
        <source>The place&apos;s longitude (-180 to 180).</source>
        <translation>Längengrad des Orts (-180 bis 180).</translation>
    </message>
    <message>
        <source>The place&apos;s IANA time zone, such as Europe/Rome.</source>
        <translation>IANA-Zeitzone des Orts, z. B. Europe/Rome.</translation>
    </message>
    <message>
        <source>Departure place: a name, or an IATA airport code (FCO) looked up offline.</source>
        <translation>Abreiseort: ein Name oder ein IATA-Flughafencode (FCO), offline nachgeschlagen.</translation>
    </message>
    <message>
        <source>Departure place&apos;s latitude (-90 to 90).</source>
        <translation>Breitengrad des Abreiseorts (-90 bis 90).</translation>
    </message>
    <message>
        <source>Departure place&apos;s longitude (-180 to 180).</source>
        <translation>Längengrad des Abreiseorts (-180 bis 180).</translation>
    </message>
    <message>
        <source>Departure place&apos;s IANA time zone, such as Europe/Rome.</source>
        <translation>IANA-Zeitzone des Abreiseorts, z. B. Europe/Rome.</translation>
    </message>
    <message>
        <source>Arrival place: a name, or an IATA airport code (FCO) looked up offline.</source>
        <translation>Ankunftsort: ein Name oder ein IATA-Flughafencode (FCO), offline nachgeschlagen.</translation>
    </message>
    <message>
        <source>Arrival place&apos;s latitude (-90 to 90).</source>
        <translation>Breitengrad des Ankunftsorts (-90 bis 90).</translation>
    </message>
    <message>
        <source>Arrival place&apos;s longitude (-180 to 180).</source>
        <translation>Längengrad des Ankunftsorts (-180 bis 180).</translation>
    </message>
    <message>
        <source>Arrival place&apos;s IANA time zone, such as Europe/Rome.</source>
        <translation>IANA-Zeitzone des Ankunftsorts, z. B. Europe/Rome.</translation>
    </message>
    <message>
        <source>must be a time HH:MM (24-hour clock)</source>
        <translation>muss eine Uhrzeit im Format HH:MM sein (24-Stunden-Format)</translation>
    </message>
    <message>
        <source>is required: give --currency (an ISO 4217 code such as EUR) or set the plan&apos;s home currency with `plan budget --home-currency`</source>
        <translation>ist erforderlich: Geben Sie --currency an (einen ISO-4217-Code wie EUR) oder legen Sie die Heimatwährung des Plans mit `plan budget --home-currency` fest</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (such as EUR, USD, JPY)</source>
        <translation>„%1“ ist kein ISO-4217-Währungscode (wie EUR, USD, JPY)</translation>
    </message>
    <message>
        <source>plan needs show, add, remove, budget, import, export, stage or suggest</source>
        <translation>plan erwartet show, add, remove, budget, import, export, stage oder suggest</translation>
    </message>
    <message>
        <source>unknown plan command &quot;%1&quot;</source>
        <translation>unbekannter plan-Befehl „%1“</translation>
    </message>
    <message>
        <source>Booking reference.</source>
        <translation>Buchungsnummer.</translation>
    </message>
    <message>
        <source>idea (default) or booked.</source>
        <translation>idea (Standard) oder booked.</translation>
    </message>
    <message>
        <source>Notes.</source>
        <translation>Notizen.</translation>
    </message>
    <message>
        <source>ISO 4217 currency of the amount (default: the plan&apos;s home currency).</source>
        <translation>ISO-4217-Währung des Betrags (Standard: die Heimatwährung des Plans).</translation>
    </message>
    <message>
        <source>The item&apos;s id (default: a new one).</source>
        <translation>Die ID des Eintrags (Standard: eine neue).</translation>
    </message>
    <message>
        <source>plan add stay --trip ID --name NAME --check-in DATE --check-out DATE</source>
        <translation>plan add stay --trip ID --name NAME --check-in DATE --check-out DATE</translation>
    </message>
    <message>
        <source>The stay&apos;s name (hotel, flat...).</source>
        <translation>Der Name der Unterkunft (Hotel, Wohnung...).</translation>
    </message>
    <message>
        <source>Check-in date, YYYY-MM-DD.</source>
        <translation>Check-in-Datum, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Check-out date, YYYY-MM-DD.</source>
        <translation>Check-out-Datum, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Price for the whole stay (or a night with --per-night).</source>
        <translation>Preis für den gesamten Aufenthalt (oder pro Nacht mit --per-night).</translation>
    </message>
    <message>
        <source>The price is for each night.</source>
        <translation>Der Preis gilt pro Nacht.</translation>
    </message>
    <message>
        <source>A web address.</source>
        <translation>Eine Webadresse.</translation>
    </message>
    <message>
        <source>plan add leg --trip ID --from PLACE --to PLACE [--depart &apos;YYYY-MM-DD HH:MM&apos;] [--arrive ...]
PLACE may be an IATA airport code (its city, coordinates and time zone are filled in).</source>
        <translation>plan add leg --trip ID --from PLACE --to PLACE [--depart &apos;YYYY-MM-DD HH:MM&apos;] [--arrive ...]
PLACE kann ein IATA-Flughafencode sein (Stadt, Koordinaten und Zeitzone werden dann ergänzt).</translation>
    </message>
    <message>
        <source>flight (default), train, bus, ferry, car or other.</source>
        <translation>flight (Standard), train, bus, ferry, car oder other.</translation>
    </message>
    <message>
        <source>Local departure date and time, &apos;YYYY-MM-DD HH:MM&apos;.</source>
        <translation>Abreise in Ortszeit (Datum und Uhrzeit), &apos;YYYY-MM-DD HH:MM&apos;.</translation>
    </message>
    <message>
        <source>Local arrival date and time, &apos;YYYY-MM-DD HH:MM&apos;.</source>
        <translation>Ankunft in Ortszeit (Datum und Uhrzeit), &apos;YYYY-MM-DD HH:MM&apos;.</translation>
    </message>
    <message>
        <source>Airline or operator code/name.</source>
        <translation>Code oder Name der Fluggesellschaft bzw. des Anbieters.</translation>
    </message>
    <message>
        <source>Flight or train number.</source>
        <translation>Flug- oder Zugnummer.</translation>
    </message>
    <message>
        <source>Cost.</source>
        <translation>Kosten.</translation>
    </message>
    <message>
        <source>plan add activity --trip ID --title TITLE [--date DATE [--start HH:MM [--end HH:MM]]]
Without --date it is an idea, not yet on a day.</source>
        <translation>plan add activity --trip ID --title TITLE [--date DATE [--start HH:MM [--end HH:MM]]]
Ohne --date ist sie eine Idee, noch keinem Tag zugeordnet.</translation>
    </message>
    <message>
        <source>What it is.</source>
        <translation>Worum es sich handelt.</translation>
    </message>
    <message>
        <source>A category (museum, food, hike...).</source>
        <translation>Eine Kategorie (Museum, Essen, Wanderung...).</translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD.</source>
        <translation>Der Tag, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Start time, HH:MM.</source>
        <translation>Beginn, HH:MM.</translation>
    </message>
    <message>
        <source>End time, HH:MM.</source>
        <translation>Ende, HH:MM.</translation>
    </message>
    <message>
        <source>plan add cost --trip ID --label TEXT --amount AMOUNT: an &quot;other&quot; cost.</source>
        <translation>plan add cost --trip ID --label TEXT --amount AMOUNT: ein sonstiger Kostenposten.</translation>
    </message>
    <message>
        <source>What it is (insurance, visa...).</source>
        <translation>Worum es sich handelt (Versicherung, Visum...).</translation>
    </message>
    <message>
        <source>The amount.</source>
        <translation>Der Betrag.</translation>
    </message>
    <message>
        <source>Usage: tripplanner-cli plan add stay|leg|activity|cost --trip ID [options]

Run `tripplanner-cli plan add KIND --help` for a kind&apos;s options.</source>
        <translation>Aufruf: tripplanner-cli plan add stay|leg|activity|cost --trip ID [options]

Führen Sie `tripplanner-cli plan add KIND --help` aus, um die Optionen einer Art zu sehen.</translation>
    </message>
    <message>
        <source>plan add needs stay, leg, activity or cost</source>
        <translation>plan add erwartet stay, leg, activity oder cost</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>Added %1 %2: %3</source>
        <translation>%1 %2 hinzugefügt: %3</translation>
    </message>
    <message>
        <source>plan remove --trip ID ITEM_ID: remove a stay, leg, activity or cost.</source>
        <translation>plan remove --trip ID ITEM_ID: eine Unterkunft, Strecke, Aktivität oder einen Kostenposten entfernen.</translation>
    </message>
    <message>
        <source>The item&apos;s id (see: plan show).</source>
        <translation>Die ID des Eintrags (siehe: plan show).</translation>
    </message>
    <message>
        <source>This trip&apos;s plan has no item with id &quot;%1&quot;.</source>
        <translation>Der Plan dieser Reise hat keinen Eintrag mit der ID „%1“.</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>plan budget --trip ID [--home-currency CODE] [--rate CODE=RATE@YYYY-MM-DD ...]
A rate says what 1 unit of CODE is worth in the home currency on that date; a rate
for a currency and date already listed replaces it.</source>
        <translation>plan budget --trip ID [--home-currency CODE] [--rate CODE=RATE@YYYY-MM-DD ...]
Ein Kurs gibt an, was 1 Einheit von CODE an diesem Datum in der Heimatwährung wert ist;
ein Kurs für eine bereits eingetragene Währung und ein Datum ersetzt den vorhandenen.</translation>
    </message>
    <message>
        <source>The currency the budget is counted in (ISO 4217).</source>
        <translation>Die Währung, in der das Budget geführt wird (ISO 4217).</translation>
    </message>
    <message>
        <source>An exchange rate, CODE=RATE@DATE (repeatable).</source>
        <translation>Ein Wechselkurs, CODE=RATE@DATE (wiederholbar).</translation>
    </message>
    <message>
        <source>must look like USD=0.92@2026-05-30</source>
        <translation>muss die Form USD=0.92@2026-05-30 haben</translation>
    </message>
    <message>
        <source>Budget settings saved.</source>
        <translation>Budgeteinstellungen gespeichert.</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, %2 bis %3</translation>
    </message>
    <message>
        <source>%1. idea: %2 (%3, %4)</source>
        <translation>%1. Idee: %2 (%3, %4)</translation>
    </message>
    <message>
        <source>Standard output cannot be written.</source>
        <translation>Die Standardausgabe kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>cannot be written to %1: %2</source>
        <translation>kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>plan import --trip ID FILE [--apply]: read booking confirmations (flights, hotels, events)
from a calendar file (.ics), or places (.gpx, .kml, .geojson) as activity ideas.
Without --apply it only prints what it recognised.</source>
        <translation>plan import --trip ID FILE [--apply]: Buchungsbestätigungen (Flüge, Hotels, Veranstaltungen)
aus einer Kalenderdatei (.ics) oder Orte (.gpx, .kml, .geojson) als Aktivitätsideen einlesen.
Ohne --apply wird nur ausgegeben, was erkannt wurde.</translation>
    </message>
    <message>
        <source>Add what was recognised to the plan.</source>
        <translation>Das Erkannte zum Plan hinzufügen.</translation>
    </message>
    <message>
        <source>The .ics, .gpx, .kml or .geojson file.</source>
        <translation>Die .ics-, .gpx-, .kml- oder .geojson-Datei.</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>recognised by %1</source>
        <translation>erkannt anhand von %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>plan export --trip ID --ics FILE | --pdf FILE: the plan as an iCalendar file (RFC 5545,
each leg, stay and scheduled activity an event in its place&apos;s time zone) or as the
printable itinerary (A4, a page per day with the day&apos;s map), or both at once. &apos;-&apos; writes
to standard output. The PDF needs no display.</source>
        <translation>plan export --trip ID --ics FILE | --pdf FILE: den Plan als iCalendar-Datei (RFC 5545, jede
Strecke, Unterkunft und eingeplante Aktivität als Termin in der Zeitzone ihres Orts) oder als
druckbaren Reiseplan (A4, eine Seite pro Tag mit der Karte des Tages) ausgeben, oder beides
zugleich. &apos;-&apos; schreibt auf die Standardausgabe. Das PDF braucht keinen Bildschirm.</translation>
    </message>
    <message>
        <source>Write an iCalendar (.ics) file here (&apos;-&apos; for stdout).</source>
        <translation>Eine iCalendar-Datei (.ics) hierhin schreiben (&apos;-&apos; für stdout).</translation>
    </message>
    <message>
        <source>Write the printable itinerary (.pdf) here (&apos;-&apos; for stdout).</source>
        <translation>Den druckbaren Reiseplan (.pdf) hierhin schreiben (&apos;-&apos; für stdout).</translation>
    </message>
    <message>
        <source>plan export needs --ics FILE or --pdf FILE</source>
        <translation>plan export erwartet --ics FILE oder --pdf FILE</translation>
    </message>
    <message>
        <source>only one of --ics and --pdf can write to standard output</source>
        <translation>nur eine der Optionen --ics und --pdf kann auf die Standardausgabe schreiben</translation>
    </message>
    <message>
        <source>write the PDF option as --pdf FILE</source>
        <translation>geben Sie die PDF-Option als --pdf FILE an</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <source>plan stage next|back --trip ID: complete the current planning stage (the trip&apos;s status
follows: accommodation → hotels_selected, ... final review → booked when everything is
booked), or go back one stage (the status goes back too).</source>
        <translation>plan stage next|back --trip ID: die aktuelle Planungsphase abschließen (der Status der Reise
folgt: accommodation → hotels_selected, ... final review → booked, wenn alles gebucht
ist) oder eine Phase zurückgehen (der Status geht ebenfalls zurück).</translation>
    </message>
    <message>
        <source>plan stage needs next or back</source>
        <translation>plan stage erwartet next oder back</translation>
    </message>
    <message>
        <source>This trip has no planning session in progress to go back in.</source>
        <translation>Diese Reise hat keine laufende Planungssitzung, in der zurückgegangen werden könnte.</translation>
    </message>
    <message>
        <source>Stage: %1; trip status: %2</source>
        <translation>Phase: %1; Reisestatus: %2</translation>
    </message>
    <message>
        <source>plan show --trip ID [--json]: the trip&apos;s plan day by day.</source>
        <translation>plan show --trip ID [--json]: der Plan der Reise, Tag für Tag.</translation>
    </message>
    <message>
        <source>Plan of trip %1: %2 (stage: %3, status: %4)</source>
        <translation>Plan der Reise %1: %2 (Phase: %3, Status: %4)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Unreadable: %1 %2</source>
        <translation>Nicht lesbar: %1 %2</translation>
    </message>
    <message>
        <source>Stays (%1)</source>
        <translation>Unterkünfte (%1)</translation>
    </message>
    <message>
        <source>%1 a night</source>
        <translation>%1 pro Nacht</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %3 to %4 (%n nights)  %5  [%6]</source>
        <translation>
            <numerusform>%1  %2  %3 bis %4 (%n Nacht)  %5  [%6]</numerusform>
            <numerusform>%1  %2  %3 bis %4 (%n Nächte)  %5  [%6]</numerusform>
        </translation>
    </message>
    <message>
        <source>Legs (%1)</source>
        <translation>Strecken (%1)</translation>
    </message>
    <message>
        <source>duration unknown</source>
        <translation>Dauer unbekannt</translation>
    </message>
    <message>
        <source>Activities (%1)</source>
        <translation>Aktivitäten (%1)</translation>
    </message>
    <message>
        <source>idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Nights without a stay: %1</source>
        <translation>Nächte ohne Unterkunft: %1</translation>
    </message>
    <message numerus="yes">
        <source>Overlapping stays: %1 and %2 (%n nights)</source>
        <translation>
            <numerusform>Überlappende Unterkünfte: %1 und %2 (%n Nacht)</numerusform>
            <numerusform>Überlappende Unterkünfte: %1 und %2 (%n Nächte)</numerusform>
        </translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>Tag für Tag</translation>
    </message>
    <message>
        <source>Budget (%1)</source>
        <translation>Budget (%1)</translation>
    </message>
    <message>
        <source>no home currency</source>
        <translation>keine Heimatwährung</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>OVER BUDGET by %1</source>
        <translation>BUDGET ÜBERSCHRITTEN um %1</translation>
    </message>
    <message>
        <source>Final review: %1</source>
        <translation>Abschlussprüfung: %1</translation>
    </message>
    <message>
        <source>nothing missing</source>
        <translation>nichts fehlt</translation>
    </message>
    <message>
        <source>Suggestions for trip %1 (%2), %3, from the %4:</source>
        <translation>Vorschläge für Reise %1 (%2), Phase %3 (Quelle: %4):</translation>
    </message>
    <message>
        <source>built-in planner</source>
        <translation>integrierter Planer</translation>
    </message>
    <message>
        <source>A suggestion to verify: check that it exists before booking.</source>
        <translation>Ein zu prüfender Vorschlag: Vergewissern Sie sich vor der Buchung, dass es ihn gibt.</translation>
    </message>
    <message>
        <source>Cannot be accepted: %1 %2</source>
        <translation>Kann nicht übernommen werden: %1 %2</translation>
    </message>
    <message>
        <source>No proposals.</source>
        <translation>Keine Vorschläge.</translation>
    </message>
    <message>
        <source>plan suggest --trip ID --stage STAGE [--accept all|N,N...] [--json]
plan suggest --trip ID --from FILE --accept all|N,N...
The planner&apos;s proposals for a stage: accommodation, activities, itinerary or budget.
Nothing is written unless --accept names the proposals to add to the plan (all: every one
that can be accepted as it is); they are added together, or not at all. The planner is the
saved one (or --provider); offline, the built-in planner proposes from the bundled data.
A model answers differently each time: save its proposals with --json and accept from that
file with --from, so that what is accepted is what you read.</source>
        <translation>plan suggest --trip ID --stage STAGE [--accept all|N,N...] [--json]
plan suggest --trip ID --from FILE --accept all|N,N...
Die Vorschläge des Planers für eine Phase: accommodation, activities, itinerary oder budget.
Es wird nichts geschrieben, solange --accept nicht die Vorschläge nennt, die in den Plan sollen
(all: alle, die unverändert übernommen werden können); sie werden gemeinsam übernommen oder gar
nicht. Der Planer ist der gespeicherte (oder --provider); offline schlägt der integrierte Planer
aus den mitgelieferten Daten vor. Ein Modell antwortet jedes Mal anders: Speichern Sie seine
Vorschläge mit --json und übernehmen Sie aus dieser Datei mit --from, damit übernommen wird, was Sie gelesen haben.</translation>
    </message>
    <message>
        <source>accommodation, activities, itinerary or budget.</source>
        <translation>accommodation, activities, itinerary oder budget.</translation>
    </message>
    <message>
        <source>Accept these proposals into the plan: all, or numbers such as 1,3.</source>
        <translation>Diese Vorschläge in den Plan übernehmen: all oder Nummern wie 1,3.</translation>
    </message>
    <message>
        <source>Accept from proposals printed earlier with --json (- for stdin).</source>
        <translation>Aus Vorschlägen übernehmen, die zuvor mit --json ausgegeben wurden (- für stdin).</translation>
    </message>
    <message>
        <source>--from needs --accept (all, or the numbers to accept)</source>
        <translation>--from erfordert --accept (all oder die zu übernehmenden Nummern)</translation>
    </message>
    <message>
        <source>--stage is required: %1</source>
        <translation>--stage ist erforderlich: %1</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>muss einer der folgenden Werte sein: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not the JSON that plan suggest --json prints (%2)</source>
        <translation>%1 ist nicht das JSON, das plan suggest --json ausgibt (%2)</translation>
    </message>
    <message>
        <source>the proposals in %1 are for trip %2, not trip %3</source>
        <translation>die Vorschläge in %1 gelten für Reise %2, nicht für Reise %3</translation>
    </message>
    <message>
        <source>the proposals in %1 are for the %2 stage</source>
        <translation>die Vorschläge in %1 gelten für die Phase %2</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: the planner gave no proposals: %1 Nothing was changed.</source>
        <translation>tripplanner-cli: Fehler: Der Planer hat keine Vorschläge geliefert: %1 Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Accept them with: tripplanner-cli plan suggest --trip %1 --stage %2 --accept all (or 1,3...)</source>
        <translation>Übernehmen mit: tripplanner-cli plan suggest --trip %1 --stage %2 --accept all (oder 1,3...)</translation>
    </message>
    <message>
        <source>Title, 1 to 200 characters.</source>
        <translation>Titel, 1 bis 200 Zeichen.</translation>
    </message>
    <message>
        <source>Start date, YYYY-MM-DD (empty to clear).</source>
        <translation>Startdatum, YYYY-MM-DD (leer zum Entfernen).</translation>
    </message>
    <message>
        <source>End date, YYYY-MM-DD (empty to clear).</source>
        <translation>Enddatum, YYYY-MM-DD (leer zum Entfernen).</translation>
    </message>
    <message>
        <source>Budget, 0 to 99999999.99 (empty to clear).</source>
        <translation>Budget, 0 bis 99999999.99 (leer zum Entfernen).</translation>
    </message>
    <message>
        <source>Number of travellers, at least 1.</source>
        <translation>Anzahl der Reisenden, mindestens 1.</translation>
    </message>
    <message>
        <source>Status: %1.</source>
        <translation>Status: %1.</translation>
    </message>
    <message>
        <source>Destination id (empty to clear).</source>
        <translation>Reiseziel-ID (leer zum Entfernen).</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be a destination id (see: destinations list)</source>
        <translation>muss eine Reiseziel-ID sein (siehe: destinations list)</translation>
    </message>
    <message>
        <source>Trip %1: %2</source>
        <translation>Reise %1: %2</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Reiseziel:</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(nicht gewählt)</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 (%n days)</source>
        <translation>
            <numerusform>%1 bis %2 (%n Tag)</numerusform>
            <numerusform>%1 bis %2 (%n Tage)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>Budget:</translation>
    </message>
    <message>
        <source>Travellers:</source>
        <translation>Reisende:</translation>
    </message>
    <message>
        <source>Upcoming:</source>
        <translation>Bevorstehend:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>trips list: a user&apos;s trips, newest first.</source>
        <translation>trips list: die Reisen eines Benutzers, neueste zuerst.</translation>
    </message>
    <message>
        <source>Only trips with this status.</source>
        <translation>Nur Reisen mit diesem Status.</translation>
    </message>
    <message>
        <source>Only trips ending on or after this date (YYYY-MM-DD).</source>
        <translation>Nur Reisen, die an oder nach diesem Datum enden (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Only trips starting on or before this date (YYYY-MM-DD).</source>
        <translation>Nur Reisen, die an oder vor diesem Datum beginnen (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Only trips whose title or description contains this text.</source>
        <translation>Nur Reisen, deren Titel oder Beschreibung diesen Text enthält.</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>muss einer der folgenden Werte sein: %1</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITEL</translation>
    </message>
    <message>
        <source>DESTINATION</source>
        <translation>REISEZIEL</translation>
    </message>
    <message>
        <source>START</source>
        <translation>BEGINN</translation>
    </message>
    <message>
        <source>END</source>
        <translation>ENDE</translation>
    </message>
    <message>
        <source>BUDGET</source>
        <translation>BUDGET</translation>
    </message>
    <message>
        <source>TRAVELLERS</source>
        <translation>REISENDE</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>trips add --title TITLE [fields]: plan a new trip.</source>
        <translation>trips add --title TITLE [fields]: eine neue Reise planen.</translation>
    </message>
    <message>
        <source>Print the new trip as JSON.</source>
        <translation>Die neue Reise als JSON ausgeben.</translation>
    </message>
    <message>
        <source>trips add needs --title</source>
        <translation>trips add erwartet --title</translation>
    </message>
    <message>
        <source>Created trip %1: %2</source>
        <translation>Reise %1 erstellt: %2</translation>
    </message>
    <message>
        <source>Trip id.</source>
        <translation>Reise-ID.</translation>
    </message>
    <message>
        <source>trips %1 ID</source>
        <translation>trips %1 ID</translation>
    </message>
    <message>
        <source>Deleted trip %1 with its conversation and planning sessions.</source>
        <translation>Reise %1 mit ihrem Gespräch und ihren Planungssitzungen gelöscht.</translation>
    </message>
    <message>
        <source>trips needs list, add, show, update or delete</source>
        <translation>trips erwartet list, add, show, update oder delete</translation>
    </message>
    <message>
        <source>unknown trips command &quot;%1&quot;</source>
        <translation>unbekannter trips-Befehl „%1“</translation>
    </message>
    <message>
        <source>users add NAME [--email EMAIL]: create a user (and its preferences).</source>
        <translation>users add NAME [--email EMAIL]: einen Benutzer (und seine Vorlieben) anlegen.</translation>
    </message>
    <message>
        <source>E-mail address.</source>
        <translation>E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>User name (letters, digits, @ . + - _).</source>
        <translation>Benutzername (Buchstaben, Ziffern, @ . + - _).</translation>
    </message>
    <message>
        <source>Created user %1 (id %2).</source>
        <translation>Benutzer %1 angelegt (ID %2).</translation>
    </message>
    <message>
        <source>users list [--json]</source>
        <translation>users list [--json]</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>BENUTZERNAME</translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation>E-MAIL</translation>
    </message>
    <message>
        <source>JOINED</source>
        <translation>REGISTRIERT</translation>
    </message>
    <message>
        <source>users delete NAME --yes: delete a user and ALL their data.</source>
        <translation>users delete NAME --yes: einen Benutzer und ALLE seine Daten löschen.</translation>
    </message>
    <message>
        <source>Confirm: this removes the user&apos;s trips, conversations and preferences.</source>
        <translation>Bestätigen: Dies entfernt die Reisen, Gespräche und Vorlieben des Benutzers.</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>Benutzername.</translation>
    </message>
    <message>
        <source>There is no user named &quot;%1&quot;.</source>
        <translation>Es gibt keinen Benutzer namens „%1“.</translation>
    </message>
    <message>
        <source>deleting %1 removes all their data; add --yes to confirm</source>
        <translation>das Löschen von %1 entfernt alle zugehörigen Daten; zur Bestätigung --yes hinzufügen</translation>
    </message>
    <message>
        <source>Deleted user %1 and all their data.</source>
        <translation>Benutzer %1 und alle zugehörigen Daten gelöscht.</translation>
    </message>
    <message>
        <source>users needs add, list or delete</source>
        <translation>users erwartet add, list oder delete</translation>
    </message>
    <message>
        <source>unknown users command &quot;%1&quot; (add, list, delete)</source>
        <translation>unbekannter users-Befehl „%1“ (add, list, delete)</translation>
    </message>
    <message>
        <source>Create or update the schema (--dry-run: show the SQL, change nothing)</source>
        <translation>Schema anlegen oder aktualisieren (--dry-run: SQL anzeigen, nichts ändern)</translation>
    </message>
    <message>
        <source>Check the connection, server, TLS, pooling, schema and latency</source>
        <translation>Verbindung, Server, TLS, Pooling, Schema und Latenz prüfen</translation>
    </message>
    <message>
        <source>add | list | delete users</source>
        <translation>Benutzer verwalten: add | list | delete</translation>
    </message>
    <message>
        <source>  add NAME [--email EMAIL]           create a user (and its preferences)
  list [--json]                      every user
  delete NAME --yes                  delete a user and ALL their data</source>
        <translation>  add NAME [--email EMAIL]           einen Benutzer (und seine Vorlieben) anlegen
  list [--json]                      alle Benutzer
  delete NAME --yes                  einen Benutzer und ALLE seine Daten löschen</translation>
    </message>
    <message>
        <source>list | add | show | update | delete a user&apos;s trips</source>
        <translation>Reisen eines Benutzers: list | add | show | update | delete</translation>
    </message>
    <message>
        <source>  list [--status S] [--from D] [--to D] [--search T] [--json]  a user&apos;s trips, newest first
  add --title TITLE [fields]         plan a new trip
  show ID [--json]                   one trip
  update ID [fields]                 change a trip&apos;s fields
  delete ID                          delete a trip
  (every verb takes --user NAME; default: the local user named after your OS account)</source>
        <translation>  list [--status S] [--from D] [--to D] [--search T] [--json]  die Reisen eines Benutzers, neueste zuerst
  add --title TITLE [fields]         eine neue Reise planen
  show ID [--json]                   eine Reise anzeigen
  update ID [fields]                 Felder einer Reise ändern
  delete ID                          eine Reise löschen
  (jeder Unterbefehl akzeptiert --user NAME; Standard: der lokale Benutzer, der wie Ihr Betriebssystemkonto heißt)</translation>
    </message>
    <message>
        <source>list | add | search the destination catalogue</source>
        <translation>Katalog der Reiseziele: list | add | search</translation>
    </message>
    <message>
        <source>  list [--json]                      the catalogue, by name
  search TEXT [--json]               destinations whose words begin with TEXT&apos;s words
  add --name NAME --country COUNTRY [fields]  add a destination
  locate [--json]                    coordinates from the offline gazetteer where missing</source>
        <translation>  list [--json]                      der Katalog, nach Namen sortiert
  search TEXT [--json]               Reiseziele, deren Wörter mit den Wörtern von TEXT beginnen
  add --name NAME --country COUNTRY [fields]  ein Reiseziel hinzufügen
  locate [--json]                    fehlende Koordinaten aus dem Offline-Ortsverzeichnis ergänzen</translation>
    </message>
    <message>
        <source>Write all of one user&apos;s data as one JSON document</source>
        <translation>Alle Daten eines Benutzers als ein JSON-Dokument schreiben</translation>
    </message>
    <message>
        <source>Talk to the AI trip planner about one trip (stdin to stdout)</source>
        <translation>Mit dem KI-Planer über eine Reise sprechen (stdin nach stdout)</translation>
    </message>
    <message>
        <source>show | set KEY VALUE | unset KEY: the non-secret settings</source>
        <translation>show | set KEY VALUE | unset KEY: die nicht geheimen Einstellungen</translation>
    </message>
    <message>
        <source>  show [--profile NAME]              every setting and its value
  set KEY VALUE [--profile NAME]     change a setting
  unset KEY [--profile NAME]         back to the default</source>
        <translation>  show [--profile NAME]              alle Einstellungen mit ihren Werten
  set KEY VALUE [--profile NAME]     eine Einstellung ändern
  unset KEY [--profile NAME]         auf den Standardwert zurücksetzen</translation>
    </message>
    <message>
        <source>set NAME (value from stdin) | clear NAME: passwords and API keys in the keychain</source>
        <translation>set NAME (Wert von stdin) | clear NAME: Passwörter und API-Schlüssel im Schlüsselbund</translation>
    </message>
    <message>
        <source>  set NAME [--provider P] [--profile NAME]    store a secret read from stdin
  clear NAME [--provider P] [--profile NAME]  remove it
  names: database-password, llm-api-key</source>
        <translation>  set NAME [--provider P] [--profile NAME]    einen von stdin gelesenen geheimen Wert speichern
  clear NAME [--provider P] [--profile NAME]  ihn entfernen
  Namen: database-password, llm-api-key</translation>
    </message>
    <message>
        <source>show | add | remove | budget | import | export | stage | suggest: a trip&apos;s stays, legs, activities</source>
        <translation>show | add | remove | budget | import | export | stage | suggest: Unterkünfte, Strecken, Aktivitäten einer Reise</translation>
    </message>
    <message>
        <source>  show [--json]                      the plan, day by day, with its problems and budget
  add stay|leg|activity|cost [opts]  add an item (see plan add KIND --help)
  remove ITEM_ID                     remove an item
  budget [--home-currency C] [--rate C=RATE@DATE]  budget settings
  import FILE [--apply]              bookings from .ics, places from .gpx .kml .geojson
  export --ics FILE                  write the plan as an iCalendar file
  stage next|back                    complete the current planning stage, or go back
  suggest --stage S [--accept all|N,N]  the planner&apos;s proposals for accommodation,
                                     activities, itinerary or budget; accept the chosen ones
  (every verb takes --trip ID)</source>
        <translation>  show [--json]                      der Plan, Tag für Tag, mit seinen Problemen und dem Budget
  add stay|leg|activity|cost [opts]  einen Eintrag hinzufügen (siehe plan add KIND --help)
  remove ITEM_ID                     einen Eintrag entfernen
  budget [--home-currency C] [--rate C=RATE@DATE]  Budgeteinstellungen
  import FILE [--apply]              Buchungen aus .ics, Orte aus .gpx .kml .geojson
  export --ics FILE                  den Plan als iCalendar-Datei schreiben
  stage next|back                    die aktuelle Planungsphase abschließen oder zurückgehen
  suggest --stage S [--accept all|N,N]  Vorschläge des Planers für accommodation,
                                     activities, itinerary oder budget; die gewählten übernehmen
  (jeder Unterbefehl akzeptiert --trip ID)</translation>
    </message>
    <message>
        <source>bash | zsh | fish: print the shell&apos;s completion script</source>
        <translation>bash | zsh | fish: das Vervollständigungsskript der Shell ausgeben</translation>
    </message>
    <message>
        <source>  bash                               the script for bash
  zsh                                the script for zsh
  fish                               the script for fish</source>
        <translation>  bash                               das Skript für bash
  zsh                                das Skript für zsh
  fish                               das Skript für fish</translation>
    </message>
    <message>
        <source>Usage: tripplanner-cli [--database-url URL] COMMAND [ARGS...]

The database is --database-url, else $DATABASE_URL, else the configured one, else the
embedded SQLite file in the app-data folder. A URL given as an argument must not carry
a password (command lines are visible to other users): use $DATABASE_URL or
`tripplanner-cli secret set database-password` (value read from stdin).</source>
        <translation>Aufruf: tripplanner-cli [--database-url URL] COMMAND [ARGS...]

Die Datenbank ist --database-url, sonst $DATABASE_URL, sonst die konfigurierte, sonst die
integrierte SQLite-Datei im App-Datenordner. Eine als Argument übergebene URL darf kein
Passwort enthalten (Befehlszeilen sind für andere Benutzer sichtbar): Verwenden Sie $DATABASE_URL
oder `tripplanner-cli secret set database-password` (Wert wird von stdin gelesen).</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run `tripplanner-cli COMMAND --help` for a command&apos;s options.</source>
        <translation>Führen Sie `tripplanner-cli COMMAND --help` aus, um die Optionen eines Befehls zu sehen.</translation>
    </message>
    <message>
        <source>Usage: tripplanner-cli %1 VERB [OPTIONS] [ARGS...]</source>
        <translation>Aufruf: tripplanner-cli %1 VERB [OPTIONS] [ARGS...]</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>Unterbefehle:</translation>
    </message>
    <message>
        <source>Run `tripplanner-cli %1 VERB --help` for a verb&apos;s options.</source>
        <translation>Führen Sie `tripplanner-cli %1 VERB --help` aus, um die Optionen eines Unterbefehls zu sehen.</translation>
    </message>
    <message>
        <source>--database-url needs a value</source>
        <translation>--database-url erwartet einen Wert</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <source>--database-url must not contain a password: other users can read command lines. Put the URL in $DATABASE_URL, or store the password with `tripplanner-cli secret set database-password`.</source>
        <translation>--database-url darf kein Passwort enthalten: Andere Benutzer können Befehlszeilen lesen. Legen Sie die URL in $DATABASE_URL ab oder speichern Sie das Passwort mit `tripplanner-cli secret set database-password`.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>argument %1 is not valid UTF-8 text</source>
        <translation>Argument %1 ist kein gültiger UTF-8-Text</translation>
    </message>
    <message>
        <source>tripplanner-cli: %1 (see --help)</source>
        <translation>tripplanner-cli: %1 (siehe --help)</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: %1</source>
        <translation>tripplanner-cli: Fehler: %1</translation>
    </message>
    <message>
        <source>offline (no network), gemini or openai (any OpenAI-compatible server); default: the saved settings.</source>
        <translation>offline (kein Netzwerk), gemini oder openai (jeder OpenAI-kompatible Server); Standard: die gespeicherten Einstellungen.</translation>
    </message>
    <message>
        <source>The model name (default: the provider&apos;s).</source>
        <translation>Der Modellname (Standard: der des Anbieters).</translation>
    </message>
    <message>
        <source>The provider&apos;s base URL, e.g. http://localhost:11434/v1 for Ollama.</source>
        <translation>Die Basis-URL des Anbieters, z. B. http://localhost:11434/v1 für Ollama.</translation>
    </message>
    <message>
        <source>Ask for whole answers instead of a stream.</source>
        <translation>Vollständige Antworten statt eines Streams anfordern.</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot; (offline, gemini or openai)</source>
        <translation>unbekannter Anbieter „%1“ (offline, gemini oder openai)</translation>
    </message>
    <message>
        <source>--base-url must be an http(s) URL</source>
        <translation>--base-url muss eine http(s)-URL sein</translation>
    </message>
    <message>
        <source>--base-url must not contain credentials; use $TRIPPLANNER_LLM_API_KEY</source>
        <translation>--base-url darf keine Zugangsdaten enthalten; verwenden Sie $TRIPPLANNER_LLM_API_KEY</translation>
    </message>
    <message>
        <source>(the system&apos;s: %1)</source>
        <translation>(die des Systems: %1)</translation>
    </message>
</context>
<context>
    <name>tp::conversation::ConversationService</name>
    <message>
        <source>Wait for the current reply, or cancel it.</source>
        <translation>Warten Sie auf die aktuelle Antwort oder brechen Sie sie ab.</translation>
    </message>
</context>
<context>
    <name>tp::conversation::LlmWorker</name>
    <message>
        <source>Wait for the current reply, or cancel it.</source>
        <translation>Warten Sie auf die aktuelle Antwort oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The planner failed unexpectedly: %1</source>
        <translation>Beim Planer ist ein unerwarteter Fehler aufgetreten: %1</translation>
    </message>
    <message>
        <source>The planner failed unexpectedly.</source>
        <translation>Beim Planer ist ein unerwarteter Fehler aufgetreten.</translation>
    </message>
</context>
<context>
    <name>tp::geo::CoordinateCheck</name>
    <message>
        <source>The point lies in %1.</source>
        <translation>Der Punkt liegt in %1.</translation>
    </message>
    <message>
        <source>The country is unknown; the point is on land.</source>
        <translation>Das Land ist unbekannt; der Punkt liegt an Land.</translation>
    </message>
    <message>
        <source>The latitude or longitude is out of range.</source>
        <translation>Breiten- oder Längengrad liegt außerhalb des gültigen Bereichs.</translation>
    </message>
    <message>
        <source>The point lies in the sea.</source>
        <translation>Der Punkt liegt im Meer.</translation>
    </message>
    <message>
        <source>The point lies in the sea, %1 km from %2.</source>
        <translation>Der Punkt liegt im Meer, %1 km von %2 entfernt.</translation>
    </message>
    <message>
        <source>The point lies in %1, %2 km from %3.</source>
        <translation>Der Punkt liegt in %1, %2 km von %3 entfernt.</translation>
    </message>
    <message>
        <source>The point lies %1 km outside %2.</source>
        <translation>Der Punkt liegt %1 km außerhalb von %2.</translation>
    </message>
</context>
<context>
    <name>tp::geo::GeocodingService</name>
    <message>
        <source>The online search service asks this app to slow down (HTTP 429). Try again in a minute; the offline gazetteer (Find coordinates) still works.</source>
        <translation>Der Online-Suchdienst bittet diese App, langsamer zu werden (HTTP 429). Versuchen Sie es in einer Minute erneut; das Offline-Ortsverzeichnis („Koordinaten finden“) funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>The online search service refused the request (HTTP 403); its usage policy may have blocked this address. The offline gazetteer (Find coordinates) still works.</source>
        <translation>Der Online-Suchdienst hat die Anfrage abgelehnt (HTTP 403); möglicherweise hat seine Nutzungsrichtlinie diese Adresse gesperrt. Das Offline-Ortsverzeichnis („Koordinaten finden“) funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>The online search service answered with an error (HTTP %1). Try again later; the offline gazetteer (Find coordinates) still works.</source>
        <translation>Der Online-Suchdienst hat mit einem Fehler geantwortet (HTTP %1). Versuchen Sie es später erneut; das Offline-Ortsverzeichnis („Koordinaten finden“) funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>The online search service did not answer in time. Check the network, or use the offline gazetteer (Find coordinates).</source>
        <translation>Der Online-Suchdienst hat nicht rechtzeitig geantwortet. Prüfen Sie die Netzwerkverbindung oder verwenden Sie das Offline-Ortsverzeichnis („Koordinaten finden“).</translation>
    </message>
    <message>
        <source>The online search service could not be reached (%1). Check the network, or use the offline gazetteer (Find coordinates).</source>
        <translation>Der Online-Suchdienst war nicht erreichbar (%1). Prüfen Sie die Netzwerkverbindung oder verwenden Sie das Offline-Ortsverzeichnis („Koordinaten finden“).</translation>
    </message>
    <message>
        <source>Type a place name to search for.</source>
        <translation>Geben Sie einen Ortsnamen für die Suche ein.</translation>
    </message>
    <message>
        <source>The online search service sent an answer that is not a list of places.</source>
        <translation>Der Online-Suchdienst hat eine Antwort gesendet, die keine Liste von Orten ist.</translation>
    </message>
</context>
<context>
    <name>tp::llm::LlmClient</name>
    <message>
        <source>[hidden]</source>
        <translation>[verborgen]</translation>
    </message>
    <message>
        <source>No API key is set for %1. Add one in Settings, or use the offline planner.</source>
        <translation>Für %1 ist kein API-Schlüssel festgelegt. Fügen Sie in den Einstellungen einen hinzu oder verwenden Sie den Offline-Planer.</translation>
    </message>
    <message>
        <source>The answer stopped arriving (no data for %1 s).</source>
        <translation>Die Antwort ist ins Stocken geraten (seit %1 s keine Daten).</translation>
    </message>
    <message>
        <source>The provider did not answer within %1 s.</source>
        <translation>Der Anbieter hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address. The API key is only sent to the server you configured: if the new address is right, set it as the base URL in Settings.</source>
        <translation>Der Server unter %1 hat die Anfrage an eine andere Adresse umgeleitet. Der API-Schlüssel wird nur an den konfigurierten Server gesendet: Wenn die neue Adresse stimmt, legen Sie sie in den Einstellungen als Basis-URL fest.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address (to %2). The API key is only sent to the server you configured: if the new address is right, set it as the base URL in Settings.</source>
        <translation>Der Server unter %1 hat die Anfrage an eine andere Adresse umgeleitet (an %2). Der API-Schlüssel wird nur an den konfigurierten Server gesendet: Wenn die neue Adresse stimmt, legen Sie sie in den Einstellungen als Basis-URL fest.</translation>
    </message>
    <message>
        <source>structured output not supported</source>
        <translation>strukturierte Ausgabe wird nicht unterstützt</translation>
    </message>
    <message>
        <source>structured output not supported (%1)</source>
        <translation>strukturierte Ausgabe wird nicht unterstützt (%1)</translation>
    </message>
    <message>
        <source>The answer was cut off: the connection closed before it was complete.</source>
        <translation>Die Antwort wurde abgeschnitten: Die Verbindung wurde geschlossen, bevor sie vollständig war.</translation>
    </message>
    <message>
        <source>The answer was cut off before it was complete.</source>
        <translation>Die Antwort wurde abgeschnitten, bevor sie vollständig war.</translation>
    </message>
    <message>
        <source>The answer was cut off at the model&apos;s token limit, even when asked with a limit of %1 tokens. Ask for less at a time, or choose a model that can write longer answers.</source>
        <translation>Die Antwort wurde am Token-Limit des Modells abgeschnitten, obwohl mit einem Limit von %1 Tokens angefragt wurde. Fragen Sie nach weniger auf einmal oder wählen Sie ein Modell, das längere Antworten schreiben kann.</translation>
    </message>
    <message>
        <source>The answer was cut off at the model&apos;s token limit.</source>
        <translation>Die Antwort wurde am Token-Limit des Modells abgeschnitten.</translation>
    </message>
    <message>
        <source>the answer was cut off at the token limit; asking again with a larger limit</source>
        <translation>die Antwort wurde am Token-Limit abgeschnitten; neue Anfrage mit höherem Limit</translation>
    </message>
    <message>
        <source>%1 (gave up after %2 attempts)</source>
        <translation>%1 (nach %2 Versuchen aufgegeben)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The API key was rejected (HTTP %1%2). Check the key in Settings.</source>
        <translation>Der API-Schlüssel wurde abgelehnt (HTTP %1%2). Prüfen Sie den Schlüssel in den Einstellungen.</translation>
    </message>
    <message>
        <source>The provider&apos;s rate limit or quota is used up (HTTP 429%1). Try again later.</source>
        <translation>Das Ratenlimit oder Kontingent des Anbieters ist ausgeschöpft (HTTP 429%1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The provider timed out (HTTP 408).</source>
        <translation>Zeitüberschreitung beim Anbieter (HTTP 408).</translation>
    </message>
    <message>
        <source>The model or address was not found (HTTP 404%1). Check the model name and base URL.</source>
        <translation>Das Modell oder die Adresse wurde nicht gefunden (HTTP 404%1). Prüfen Sie den Modellnamen und die Basis-URL.</translation>
    </message>
    <message>
        <source>The provider had a server error (HTTP %1%2). Try again in a moment.</source>
        <translation>Beim Anbieter ist ein Serverfehler aufgetreten (HTTP %1%2). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The provider refused the request (HTTP %1%2).</source>
        <translation>Der Anbieter hat die Anfrage abgelehnt (HTTP %1%2).</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Check your connection or the base URL.</source>
        <translation>%1 ist nicht erreichbar (%2). Prüfen Sie Ihre Verbindung oder die Basis-URL.</translation>
    </message>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation>Zeitüberschreitung bei der Verbindung zu %1.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made (%2).</source>
        <translation>Es konnte keine sichere Verbindung zu %1 hergestellt werden (%2).</translation>
    </message>
    <message>
        <source>The connection to %1 failed (%2).</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen (%2).</translation>
    </message>
    <message>
        <source>The provider reported an error: (no message)</source>
        <translation>Der Anbieter hat einen Fehler gemeldet: (keine Meldung)</translation>
    </message>
    <message>
        <source>The provider reported an error: %1</source>
        <translation>Der Anbieter hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <source>The provider declined to answer (%1).</source>
        <translation>Der Anbieter hat die Antwort verweigert (%1).</translation>
    </message>
    <message>
        <source>The provider stopped the answer (%1).</source>
        <translation>Der Anbieter hat die Antwort abgebrochen (%1).</translation>
    </message>
    <message>
        <source>The provider&apos;s response was not JSON.</source>
        <translation>Die Antwort des Anbieters war kein JSON.</translation>
    </message>
    <message>
        <source>The provider&apos;s response had no text.</source>
        <translation>Die Antwort des Anbieters enthielt keinen Text.</translation>
    </message>
    <message>
        <source>The provider sent a stream event that is not JSON.</source>
        <translation>Der Anbieter hat ein Stream-Ereignis gesendet, das kein JSON ist.</translation>
    </message>
    <message>
        <source>The model declined to answer: %1</source>
        <translation>Das Modell hat die Antwort verweigert: %1</translation>
    </message>
</context>
<context>
    <name>tp::repo</name>
    <message>
        <source>You have no conversation with id %1.</source>
        <translation>Sie haben kein Gespräch mit der ID %1.</translation>
    </message>
    <message>
        <source>You have no trip with id %1.</source>
        <translation>Sie haben keine Reise mit der ID %1.</translation>
    </message>
    <message>
        <source>This conversation was changed elsewhere (another window or app) since it was loaded. Reload it and try again.</source>
        <translation>Dieses Gespräch wurde seit dem Laden anderswo geändert (in einem anderen Fenster oder einer anderen App). Laden Sie es neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A destination named &quot;%1&quot; in %2 already exists.</source>
        <translation>Ein Reiseziel namens „%1“ in %2 existiert bereits.</translation>
    </message>
    <message>
        <source>There is no destination with id %1.</source>
        <translation>Es gibt kein Reiseziel mit der ID %1.</translation>
    </message>
    <message>
        <source>You have no planning session with id %1.</source>
        <translation>Sie haben keine Planungssitzung mit der ID %1.</translation>
    </message>
    <message>
        <source>This trip already has a planning session in progress; finish it before starting another.</source>
        <translation>Für diese Reise läuft bereits eine Planungssitzung; schließen Sie sie ab, bevor Sie eine neue beginnen.</translation>
    </message>
    <message>
        <source>This planning session is already completed.</source>
        <translation>Diese Planungssitzung ist bereits abgeschlossen.</translation>
    </message>
    <message>
        <source>A completed planning session cannot go back; start a new one.</source>
        <translation>In einer abgeschlossenen Planungssitzung ist kein Zurückgehen möglich; beginnen Sie eine neue.</translation>
    </message>
    <message>
        <source>This trip&apos;s plan was changed elsewhere (another window, the command line or the web app) since it was loaded. Reload it and make your change again.</source>
        <translation>Der Plan dieser Reise wurde seit dem Laden anderswo geändert (in einem anderen Fenster, über die Befehlszeile oder in der Web-App). Laden Sie ihn neu und nehmen Sie Ihre Änderung erneut vor.</translation>
    </message>
    <message>
        <source>There is no user with id %1.</source>
        <translation>Es gibt keinen Benutzer mit der ID %1.</translation>
    </message>
    <message>
        <source>“%1” was changed elsewhere (another window, the planner or the web app) after you opened it. Your change was not saved, so that the other one is kept; the trip now shows it. Make your change again if it is still needed.</source>
        <translation>„%1“ wurde anderswo geändert (in einem anderen Fenster, vom Planer oder in der Web-App), nachdem Sie die Reise geöffnet hatten. Ihre Änderung wurde nicht gespeichert, damit die andere erhalten bleibt; die Reise zeigt jetzt diese an. Nehmen Sie Ihre Änderung erneut vor, falls sie noch nötig ist.</translation>
    </message>
    <message>
        <source>A user named &quot;%1&quot; already exists.</source>
        <translation>Ein Benutzer namens „%1“ existiert bereits.</translation>
    </message>
</context>
<context>
    <name>tp::ui</name>
    <message>
        <source>The plan has no days to print: give the trip dates or schedule something.</source>
        <translation>Der Plan enthält keine Tage zum Drucken: Legen Sie Reisedaten fest oder planen Sie etwas ein.</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>Reiseplan</translation>
    </message>
    <message>
        <source>The PDF could not be started.</source>
        <translation>Das PDF konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Day %1 of %2</source>
        <translation>Tag %1 von %2</translation>
    </message>
    <message>
        <source>Map: Natural Earth (public domain)</source>
        <translation>Karte: Natural Earth (gemeinfrei)</translation>
    </message>
    <message>
        <source>Nothing planned.</source>
        <translation>Nichts geplant.</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (Fortsetzung)</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>Night: %1</source>
        <translation>Übernachtung: %1</translation>
    </message>
    <message>
        <source>booking %1</source>
        <translation>Buchung %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Unterkunft</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Idea, not scheduled yet</source>
        <translation>Idee, noch nicht eingeplant</translation>
    </message>
    <message>
        <source>Start or end of a leg</source>
        <translation>Anfang oder Ende einer Strecke</translation>
    </message>
</context>
<context>
    <name>tp::ui::AboutDialog</name>
    <message>
        <source>About Trip Planner</source>
        <translation>Über Trip Planner</translation>
    </message>
    <message>
        <source>Trip Planner</source>
        <translation>Trip Planner</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>Version %1, built with Qt %2, running on Qt %3.</source>
        <translation>Version %1, erstellt mit Qt %2, läuft unter Qt %3.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or any later version (GPL-3.0-or-later). There is no warranty.</source>
        <translation>Freie Software unter der GNU General Public License, Version 3 oder jeder späteren Version (GPL-3.0-or-later). Es besteht keinerlei Gewährleistung.</translation>
    </message>
    <message>
        <source>This product includes data from &lt;a href=&quot;https://www.geonames.org/&quot;&gt;GeoNames&lt;/a&gt;, licensed under &lt;a href=&quot;https://creativecommons.org/licenses/by/4.0/&quot;&gt;CC BY 4.0&lt;/a&gt;: the offline gazetteer (towns of 15,000 people or more, filtered and reformatted) and the coordinates of the planner&apos;s catalogue.</source>
        <translation>Dieses Produkt enthält Daten von &lt;a href=&quot;https://www.geonames.org/&quot;&gt;GeoNames&lt;/a&gt;, lizenziert unter &lt;a href=&quot;https://creativecommons.org/licenses/by/4.0/&quot;&gt;CC BY 4.0&lt;/a&gt;: das Offline-Ortsverzeichnis (Orte ab 15.000 Einwohnern, gefiltert und umformatiert) und die Koordinaten im Katalog des Planers.</translation>
    </message>
    <message>
        <source>Made with &lt;a href=&quot;https://www.naturalearthdata.com/&quot;&gt;Natural Earth&lt;/a&gt;. Free vector and raster map data @ naturalearthdata.com (public domain): the map&apos;s country outlines.</source>
        <translation>Erstellt mit &lt;a href=&quot;https://www.naturalearthdata.com/&quot;&gt;Natural Earth&lt;/a&gt;. Kostenlose Vektor- und Rasterkartendaten @ naturalearthdata.com (gemeinfrei): die Ländergrenzen der Karte.</translation>
    </message>
    <message>
        <source>Airports: &lt;a href=&quot;https://ourairports.com/data/&quot;&gt;OurAirports&lt;/a&gt; (public domain). Time zones: &lt;a href=&quot;https://github.com/opentraveldata/opentraveldata&quot;&gt;Open Travel Data (OPTD)&lt;/a&gt;, CC BY 4.0, completed from the IANA time zone database (public domain).</source>
        <translation>Flughäfen: &lt;a href=&quot;https://ourairports.com/data/&quot;&gt;OurAirports&lt;/a&gt; (gemeinfrei). Zeitzonen: &lt;a href=&quot;https://github.com/opentraveldata/opentraveldata&quot;&gt;Open Travel Data (OPTD)&lt;/a&gt;, CC BY 4.0, ergänzt aus der IANA-Zeitzonendatenbank (gemeinfrei).</translation>
    </message>
    <message>
        <source>Online map tiles, when enabled: © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;OpenStreetMap contributors&lt;/a&gt; (ODbL); the map shows this attribution while tiles are displayed.</source>
        <translation>Online-Kartenkacheln (falls aktiviert): © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;OpenStreetMap-Mitwirkende&lt;/a&gt; (ODbL); die Karte zeigt diesen Hinweis, solange Kacheln angezeigt werden.</translation>
    </message>
    <message>
        <source>Online place search, when enabled: &lt;a href=&quot;https://nominatim.openstreetmap.org/&quot;&gt;Nominatim&lt;/a&gt;, data © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;OpenStreetMap contributors&lt;/a&gt; (ODbL).</source>
        <translation>Online-Ortssuche (falls aktiviert): &lt;a href=&quot;https://nominatim.openstreetmap.org/&quot;&gt;Nominatim&lt;/a&gt;, Daten © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;OpenStreetMap-Mitwirkende&lt;/a&gt; (ODbL).</translation>
    </message>
    <message>
        <source>Built on &lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; (LGPL-3.0), &lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; (BSD-2-Clause), &lt;a href=&quot;https://www.postgresql.org/&quot;&gt;libpq&lt;/a&gt; (PostgreSQL licence), &lt;a href=&quot;https://www.openssl.org/&quot;&gt;OpenSSL&lt;/a&gt; (Apache-2.0) and &lt;a href=&quot;https://www.sqlite.org/&quot;&gt;SQLite&lt;/a&gt; (public domain).</source>
        <translation>Basiert auf &lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; (LGPL-3.0), &lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; (BSD-2-Clause), &lt;a href=&quot;https://www.postgresql.org/&quot;&gt;libpq&lt;/a&gt; (PostgreSQL-Lizenz), &lt;a href=&quot;https://www.openssl.org/&quot;&gt;OpenSSL&lt;/a&gt; (Apache-2.0) und &lt;a href=&quot;https://www.sqlite.org/&quot;&gt;SQLite&lt;/a&gt; (gemeinfrei).</translation>
    </message>
    <message>
        <source>Data and services</source>
        <translation>Daten und Dienste</translation>
    </message>
    <message>
        <source>He&amp;lp</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>&amp;About Trip Planner</source>
        <translation>Ü&amp;ber Trip Planner</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>tp::ui::ActivitiesEditor</name>
    <message>
        <source>Ideas</source>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Schedule on da&amp;y</source>
        <translation>Am Tag ein&amp;planen</translation>
    </message>
    <message>
        <source>Schedules the selected idea on the selected day (or drag the idea onto a day)</source>
        <translation>Plant die ausgewählte Idee am ausgewählten Tag ein (oder ziehen Sie die Idee auf einen Tag)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Scheduled activities</source>
        <translation>Eingeplante Aktivitäten</translation>
    </message>
    <message>
        <source>museum, food, hike…</source>
        <translation>Museum, Essen, Wandern…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: an idea)</source>
        <translation>YYYY-MM-DD (leer: eine Idee)</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>Tite&amp;l</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>Da&amp;tum</translation>
    </message>
    <message>
        <source>E&amp;nd</source>
        <translation>&amp;Ende</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>Be&amp;ginn</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>O&amp;rt</translation>
    </message>
    <message>
        <source>Cu&amp;rrency</source>
        <translation>&amp;Währung</translation>
    </message>
    <message>
        <source>C&amp;ost</source>
        <translation>K&amp;osten</translation>
    </message>
    <message>
        <source>&amp;Booking ref</source>
        <translation>B&amp;uchungsnummer</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>Not&amp;izen</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Booking ref</source>
        <translation>Buchungsnummer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Ne&amp;w activity</source>
        <translation>&amp;Neue Aktivität</translation>
    </message>
    <message>
        <source>Save act&amp;ivity</source>
        <translation>Akti&amp;vität speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the chosen activity (Delete key in the list)</source>
        <translation>Gewählte Aktivität löschen (Entf-/Delete-Taste in der Liste)</translation>
    </message>
    <message>
        <source>Unsc&amp;hedule</source>
        <translation>&amp;Zurück zu Ideen</translation>
    </message>
    <message>
        <source>Moves the activity back to the ideas</source>
        <translation>Verschiebt die Aktivität zurück zu den Ideen</translation>
    </message>
    <message>
        <source>Ideas (drag one onto a day)</source>
        <translation>Ideen (auf einen Tag ziehen)</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Eingeplant</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Edit activity %1</source>
        <translation>Aktivität %1 bearbeiten</translation>
    </message>
    <message>
        <source>Add activity %1</source>
        <translation>Aktivität %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove activity %1</source>
        <translation>Aktivität %1 entfernen</translation>
    </message>
    <message>
        <source>Unschedule %1</source>
        <translation>Einplanung von %1 aufheben</translation>
    </message>
    <message>
        <source>Schedule %1 on %2</source>
        <translation>%1 am %2 einplanen</translation>
    </message>
    <message>
        <source>The new activity</source>
        <translation>Die neue Aktivität</translation>
    </message>
    <message>
        <source>The activity “%1”</source>
        <translation>Die Aktivität „%1“</translation>
    </message>
</context>
<context>
    <name>tp::ui::BudgetEditor</name>
    <message>
        <source>Home currency</source>
        <translation>Heimatwährung</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Posten</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>In home currency</source>
        <translation>In Heimatwährung</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Read on</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>Wechselkurse</translation>
    </message>
    <message>
        <source>Rate date</source>
        <translation>Kursdatum</translation>
    </message>
    <message>
        <source>&amp;Add rate</source>
        <translation>Kurs hinzu&amp;fügen</translation>
    </message>
    <message>
        <source>Re&amp;move rate</source>
        <translation>Kurs &amp;entfernen</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>Sonstige Kosten</translation>
    </message>
    <message>
        <source>Insurance, visa…</source>
        <translation>Versicherung, Visum…</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Add &amp;cost</source>
        <translation>&amp;Kosten hinzufügen</translation>
    </message>
    <message>
        <source>Remove cos&amp;t</source>
        <translation>Kos&amp;ten entfernen</translation>
    </message>
    <message>
        <source>&amp;Home currency</source>
        <translation>Hei&amp;matwährung</translation>
    </message>
    <message>
        <source>Exchange rates (1 unit = rate × home currency)</source>
        <translation>Wechselkurse (1 Einheit = Kurs × Heimatwährung)</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>&amp;Währung</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>K&amp;urs</translation>
    </message>
    <message>
        <source>Rate &amp;date</source>
        <translation>Kur&amp;sdatum</translation>
    </message>
    <message>
        <source>La&amp;bel</source>
        <translation>Be&amp;zeichnung</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>Wäh&amp;rung</translation>
    </message>
    <message>
        <source>Am&amp;ount</source>
        <translation>Betra&amp;g</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Trip budget</source>
        <translation>Reisebudget</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>No trip budget to compare with: set one on the trip.</source>
        <translation>Kein Reisebudget zum Vergleich: Legen Sie eines bei der Reise fest.</translation>
    </message>
    <message>
        <source>Over budget by %1</source>
        <translation>Budget um %1 überschritten</translation>
    </message>
    <message>
        <source>Within budget: %1 left</source>
        <translation>Im Budget: %1 übrig</translation>
    </message>
    <message>
        <source>no rate</source>
        <translation>kein Kurs</translation>
    </message>
    <message>
        <source>Clear the home currency</source>
        <translation>Heimatwährung entfernen</translation>
    </message>
    <message>
        <source>Set home currency %1</source>
        <translation>Heimatwährung %1 festlegen</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>ist keine Zahl</translation>
    </message>
    <message>
        <source>is the home currency (its rate is 1)</source>
        <translation>ist die Heimatwährung (ihr Kurs ist 1)</translation>
    </message>
    <message>
        <source>is needed before rates (rates convert into it)</source>
        <translation>wird vor den Kursen benötigt (die Kurse rechnen in sie um)</translation>
    </message>
    <message>
        <source>Add rate %1 = %2 %3</source>
        <translation>Kurs %1 = %2 %3 hinzufügen</translation>
    </message>
    <message>
        <source>Remove rate %1</source>
        <translation>Kurs %1 entfernen</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>is not an amount</source>
        <translation>ist kein Betrag</translation>
    </message>
    <message>
        <source>Add cost %1</source>
        <translation>Kostenposten %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove cost %1</source>
        <translation>Kostenposten %1 entfernen</translation>
    </message>
</context>
<context>
    <name>tp::ui::ConversationPanel</name>
    <message>
        <source>Questions answered</source>
        <translation>Beantwortete Fragen</translation>
    </message>
    <message>
        <source>Next, with the planner:</source>
        <translation>Weiter mit dem Planer:</translation>
    </message>
    <message>
        <source>Suggest stays</source>
        <translation>Unterkünfte vorschlagen</translation>
    </message>
    <message>
        <source>Suggest activities</source>
        <translation>Aktivitäten vorschlagen</translation>
    </message>
    <message>
        <source>Draft the itinerary</source>
        <translation>Reiseplan entwerfen</translation>
    </message>
    <message>
        <source>Estimate the budget</source>
        <translation>Budget schätzen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>No messages yet. Tell the planner what kind of trip you have in mind.</source>
        <translation>Noch keine Nachrichten. Erzählen Sie dem Planer, was für eine Reise Ihnen vorschwebt.</translation>
    </message>
    <message>
        <source>Your message, being sent</source>
        <translation>Ihre Nachricht, wird gesendet</translation>
    </message>
    <message>
        <source>The planner&apos;s reply, arriving</source>
        <translation>Antwort des Planers, wird empfangen</translation>
    </message>
    <message>
        <source>Recommendations:</source>
        <translation>Empfehlungen:</translation>
    </message>
    <message>
        <source>Recommendation sets</source>
        <translation>Empfehlungsrunden</translation>
    </message>
    <message>
        <source>Message to the planner</source>
        <translation>Nachricht an den Planer</translation>
    </message>
    <message>
        <source>Write to the planner… (Ctrl+Enter sends)</source>
        <translation>An den Planer schreiben… (Ctrl+Enter sendet)</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>&amp;Cancel reply</source>
        <translation>A&amp;ntwort abbrechen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Gespräch wird geladen…</translation>
    </message>
    <message>
        <source>Select a trip to see its conversation.</source>
        <translation>Wählen Sie eine Reise aus, um ihr Gespräch zu sehen.</translation>
    </message>
    <message>
        <source>Conversation about “%1”</source>
        <translation>Gespräch über „%1“</translation>
    </message>
    <message>
        <source>Not sent earlier — Retry to send it again.</source>
        <translation>Zuvor nicht gesendet – „Erneut versuchen“ sendet die Nachricht noch einmal.</translation>
    </message>
    <message>
        <source>Stage: not started</source>
        <translation>Phase: nicht begonnen</translation>
    </message>
    <message>
        <source>Latest (%1)</source>
        <translation>Neueste (%1)</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message>
        <source>Earlier set (%1)</source>
        <translation>Frühere Runde (%1)</translation>
    </message>
    <message>
        <source>Stage: %1 · questions %2 of %3</source>
        <translation>Phase: %1 · Fragen: %2 von %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>✓ Your destination</source>
        <translation>✓ Ihr Reiseziel</translation>
    </message>
    <message>
        <source>%1, your destination</source>
        <translation>%1, Ihr Reiseziel</translation>
    </message>
    <message>
        <source>Choose this destination</source>
        <translation>Dieses Ziel wählen</translation>
    </message>
    <message>
        <source>Choose this instead</source>
        <translation>Stattdessen dieses wählen</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>%1 wählen</translation>
    </message>
    <message>
        <source>The planner is replying…</source>
        <translation>Der Planer antwortet…</translation>
    </message>
    <message>
        <source>Trying again in %1 s (attempt %2): %3</source>
        <translation>Neuer Versuch in %1 s (Versuch %2): %3</translation>
    </message>
    <message>
        <source>you cancelled the reply.</source>
        <translation>Sie haben die Antwort abgebrochen.</translation>
    </message>
    <message>
        <source>the conversation changed elsewhere (another window or app); it has been reloaded.</source>
        <translation>das Gespräch wurde anderswo geändert (in einem anderen Fenster oder einer anderen App) und neu geladen.</translation>
    </message>
    <message>
        <source>Not chosen: %1 — Retry to choose %2 again.</source>
        <translation>Nicht gewählt: %1 – „Erneut versuchen“ wählt %2 noch einmal.</translation>
    </message>
    <message>
        <source>Not sent: %1 — Retry</source>
        <translation>Nicht gesendet: %1 – Erneut versuchen</translation>
    </message>
    <message>
        <source>Wait for the current reply, or cancel it; your text is kept in the box.</source>
        <translation>Warten Sie auf die aktuelle Antwort oder brechen Sie sie ab; Ihr Text bleibt im Eingabefeld.</translation>
    </message>
    <message>
        <source>The planner is not available yet; your text is kept in the box.</source>
        <translation>Der Planer ist noch nicht verfügbar; Ihr Text bleibt im Eingabefeld.</translation>
    </message>
    <message>
        <source>This link is not opened: %1</source>
        <translation>Dieser Link wird nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <source>Open this address in your browser?

%1</source>
        <translation>Diese Adresse im Browser öffnen?

%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>tp::ui::CoordinatePickerDialog</name>
    <message>
        <source>Pick the position on the map</source>
        <translation>Position auf der Karte wählen</translation>
    </message>
    <message>
        <source>Click the destination&apos;s position. Drag to pan, scroll or pinch to zoom.</source>
        <translation>Klicken Sie auf die Position des Reiseziels. Ziehen zum Verschieben, Scrollen oder Zwei-Finger-Geste zum Zoomen.</translation>
    </message>
    <message>
        <source>Map to pick the position on</source>
        <translation>Karte zur Wahl der Position</translation>
    </message>
    <message>
        <source>No position chosen yet.</source>
        <translation>Noch keine Position gewählt.</translation>
    </message>
    <message>
        <source>Use this position</source>
        <translation>Diese Position verwenden</translation>
    </message>
    <message>
        <source>Current position: %1, %2. Click the map to choose another.</source>
        <translation>Aktuelle Position: %1, %2. Klicken Sie auf die Karte, um eine andere zu wählen.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::DateFilterEdit</name>
    <message>
        <source>any date</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Choose a date from a calendar</source>
        <translation>Datum aus einem Kalender wählen</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as YYYY-MM-DD, for example 2027-03-01.</source>
        <translation>„%1“ ist kein Datum: Schreiben Sie es als YYYY-MM-DD, zum Beispiel 2027-03-01.</translation>
    </message>
</context>
<context>
    <name>tp::ui::DestinationDialog</name>
    <message>
        <source>Edit destination</source>
        <translation>Reiseziel bearbeiten</translation>
    </message>
    <message>
        <source>Add destination</source>
        <translation>Reiseziel hinzufügen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Best time to visit</source>
        <translation>Beste Reisezeit</translation>
    </message>
    <message>
        <source>Average cost per day</source>
        <translation>Durchschnittliche Kosten pro Tag</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <source>&amp;Find coordinates</source>
        <translation>Koordinaten &amp;finden</translation>
    </message>
    <message>
        <source>Look the city (or name) and country up in the offline gazetteer</source>
        <translation>Stadt (oder Name) und Land im Offline-Ortsverzeichnis nachschlagen</translation>
    </message>
    <message>
        <source>Search &amp;online</source>
        <translation>&amp;Online suchen</translation>
    </message>
    <message>
        <source>Pick on &amp;map…</source>
        <translation>Auf Karte &amp;markieren…</translation>
    </message>
    <message>
        <source>Click the place on a map</source>
        <translation>Den Ort auf einer Karte anklicken</translation>
    </message>
    <message>
        <source>Places found online</source>
        <translation>Online gefundene Orte</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Search OpenStreetMap&apos;s Nominatim for the city (or name) and country. Sends the name to nominatim.openstreetmap.org or the server set in Settings → Map.</source>
        <translation>Stadt (oder Name) und Land über Nominatim von OpenStreetMap suchen. Sendet den Namen an nominatim.openstreetmap.org oder an den unter Einstellungen → Karte festgelegten Server.</translation>
    </message>
    <message>
        <source>Online search is turned off (Settings → Map).</source>
        <translation>Die Online-Suche ist ausgeschaltet (Einstellungen → Karte).</translation>
    </message>
    <message>
        <source>Coordinates: none yet. Type them, find them by name or pick them on the map.</source>
        <translation>Koordinaten: noch keine. Geben Sie sie ein, suchen Sie sie über den Namen oder wählen Sie sie auf der Karte.</translation>
    </message>
    <message>
        <source>Coordinates: as saved (where they came from was not recorded).</source>
        <translation>Koordinaten: wie gespeichert (ihre Herkunft wurde nicht erfasst).</translation>
    </message>
    <message>
        <source>Coordinates: typed.</source>
        <translation>Koordinaten: eingegeben.</translation>
    </message>
    <message>
        <source>Coordinates: picked on the map.</source>
        <translation>Koordinaten: auf der Karte gewählt.</translation>
    </message>
    <message>
        <source>Coordinates: from the offline gazetteer (GeoNames): %1.</source>
        <translation>Koordinaten: aus dem Offline-Ortsverzeichnis (GeoNames): %1.</translation>
    </message>
    <message>
        <source>Coordinates: country centre (approximate): %1.</source>
        <translation>Koordinaten: Landesmitte (ungefähr): %1.</translation>
    </message>
    <message>
        <source>Coordinates: from OpenStreetMap Nominatim: %1. Search data © OpenStreetMap contributors (ODbL).</source>
        <translation>Koordinaten: von OpenStreetMap Nominatim: %1. Suchdaten © OpenStreetMap-Mitwirkende (ODbL).</translation>
    </message>
    <message>
        <source>Coordinates: from the AI planner (checked against the country).</source>
        <translation>Koordinaten: vom KI-Planer (mit dem Land abgeglichen).</translation>
    </message>
    <message>
        <source>Coordinates: from the bundled catalogue.</source>
        <translation>Koordinaten: aus dem mitgelieferten Katalog.</translation>
    </message>
    <message>
        <source>Recorded %1.</source>
        <translation>Erfasst am %1.</translation>
    </message>
    <message>
        <source>Type a name or city and a country first.</source>
        <translation>Geben Sie zuerst einen Namen oder eine Stadt und ein Land ein.</translation>
    </message>
    <message>
        <source>Looking up %1 in the offline gazetteer…</source>
        <translation>%1 wird im Offline-Ortsverzeichnis gesucht…</translation>
    </message>
    <message>
        <source>%1 was not found in the offline gazetteer.</source>
        <translation>%1 wurde im Offline-Ortsverzeichnis nicht gefunden.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>The gazetteer&apos;s %1 (%2, %3) was not used: the coordinates were changed meanwhile.</source>
        <translation>%1 (%2, %3) aus dem Ortsverzeichnis wurde nicht übernommen: Die Koordinaten wurden inzwischen geändert.</translation>
    </message>
    <message>
        <source>Type a name or city first.</source>
        <translation>Geben Sie zuerst einen Namen oder eine Stadt ein.</translation>
    </message>
    <message>
        <source>Searching OpenStreetMap Nominatim for %1…</source>
        <translation>OpenStreetMap Nominatim wird nach %1 durchsucht…</translation>
    </message>
    <message>
        <source>OpenStreetMap Nominatim found no place named %1.</source>
        <translation>OpenStreetMap Nominatim hat keinen Ort namens %1 gefunden.</translation>
    </message>
    <message>
        <source>The coordinates were changed during the search and were kept; choose a place found online to use it instead.</source>
        <translation>Die Koordinaten wurden während der Suche geändert und beibehalten; wählen Sie einen online gefundenen Ort, um stattdessen diesen zu verwenden.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Warning: %1 Check the coordinates; you can still save them.</source>
        <translation>Warnung: %1 Prüfen Sie die Koordinaten; Sie können sie trotzdem speichern.</translation>
    </message>
</context>
<context>
    <name>tp::ui::DestinationsPanel</name>
    <message>
        <source>Search destinations</source>
        <translation>Reiseziele durchsuchen</translation>
    </message>
    <message>
        <source>Search name, city, country, description…</source>
        <translation>Name, Stadt, Land, Beschreibung durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Bearbe&amp;iten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Fill &amp;missing coordinates</source>
        <translation>Fehlende &amp;Koordinaten ergänzen</translation>
    </message>
    <message>
        <source>Place every destination without coordinates with the offline gazetteer</source>
        <translation>Alle Reiseziele ohne Koordinaten mithilfe des Offline-Ortsverzeichnisses verorten</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Reiseziele</translation>
    </message>
    <message>
        <source>Map of destinations</source>
        <translation>Karte der Reiseziele</translation>
    </message>
    <message>
        <source>Your catalogue has no destinations yet.

Add one with Add… above, or choose one of the planner&apos;s recommendations in a trip&apos;s conversation: it joins the catalogue.</source>
        <translation>Ihr Katalog enthält noch keine Reiseziele.

Fügen Sie oben mit „Hinzufügen…“ eines hinzu, oder wählen Sie im Gespräch einer Reise eine der Empfehlungen des Planers: Sie wird in den Katalog aufgenommen.</translation>
    </message>
    <message>
        <source>No destination matches “%1”.</source>
        <translation>Kein Reiseziel passt zu „%1“.</translation>
    </message>
    <message>
        <source>Saved %1, %2.</source>
        <translation>%1, %2 gespeichert.</translation>
    </message>
    <message>
        <source>Looking up destinations without coordinates…</source>
        <translation>Reiseziele ohne Koordinaten werden gesucht…</translation>
    </message>
    <message>
        <source>The catalogue is empty: there is nothing to fill in. Add destinations first (Add…).</source>
        <translation>Der Katalog ist leer: Es gibt nichts zu ergänzen. Fügen Sie zuerst Reiseziele hinzu („Hinzufügen…“).</translation>
    </message>
    <message>
        <source>Every destination already has coordinates.</source>
        <translation>Alle Reiseziele haben bereits Koordinaten.</translation>
    </message>
    <message>
        <source>%1 of %2 destinations placed; %3 not found.</source>
        <translation>%1 von %2 Reisezielen verortet; %3 nicht gefunden.</translation>
    </message>
    <message>
        <source>Delete %1, %2 from the catalogue?</source>
        <translation>%1, %2 aus dem Katalog löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %1, %2 from the catalogue? %n trips will lose this destination.</source>
        <translation>
            <numerusform>%1, %2 aus dem Katalog löschen? %n Reise verliert dieses Reiseziel.</numerusform>
            <numerusform>%1, %2 aus dem Katalog löschen? %n Reisen verlieren dieses Reiseziel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete destination</source>
        <translation>Reiseziel löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted %1, %2.</source>
        <translation>%1, %2 gelöscht.</translation>
    </message>
</context>
<context>
    <name>tp::ui::FieldErrorLabel</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
</context>
<context>
    <name>tp::ui::ItineraryView</name>
    <message>
        <source>Itinerary</source>
        <translation>Reiseplan</translation>
    </message>
    <message>
        <source>Map of the day</source>
        <translation>Karte des Tages</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>The trip has no dates and the plan has no dated items yet.</source>
        <translation>Die Reise hat keinen Zeitraum, und der Plan enthält noch keine Einträge mit Datum.</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>The map shows the day chosen in the list.</source>
        <translation>Die Karte zeigt den in der Liste gewählten Tag.</translation>
    </message>
    <message>
        <source>%1: no place of this day has coordinates yet (Find place in its editor).</source>
        <translation>%1: Noch kein Ort dieses Tages hat Koordinaten („Ort suchen“ im jeweiligen Editor).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n places, numbered in the day&apos;s order.</source>
        <translation>
            <numerusform>%1: %n Ort, nummeriert in der Reihenfolge des Tages.</numerusform>
            <numerusform>%1: %n Orte, nummeriert in der Reihenfolge des Tages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::LanguagePage</name>
    <message>
        <source>The system&apos;s language (%1)</source>
        <translation>Sprache des Systems (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Trip Planner shows the new language the next time it starts. Dates and numbers follow the language too.</source>
        <translation>Trip Planner zeigt die neue Sprache beim nächsten Start. Datumsangaben und Zahlen folgen ebenfalls der Sprache.</translation>
    </message>
</context>
<context>
    <name>tp::ui::LegEndFields</name>
    <message>
        <source>IATA</source>
        <translation>IATA</translation>
    </message>
    <message>
        <source>Airport code</source>
        <translation>Flughafencode</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Local date</source>
        <translation>Lokales Datum</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>%1 is not in the bundled airport list: type the place and its time zone.</source>
        <translation>%1 ist nicht in der mitgelieferten Flughafenliste: Geben Sie den Ort und seine Zeitzone ein.</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
</context>
<context>
    <name>tp::ui::LegsEditor</name>
    <message>
        <source>Mode</source>
        <translation>Verkehrsmittel</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Departs</source>
        <translation>Abfahrt</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Arrives</source>
        <translation>Ankunft</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Strecken</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>Verkehrs&amp;mittel</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>De&amp;parts</source>
        <translation>Ab&amp;fahrt</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Nach</translation>
    </message>
    <message>
        <source>&amp;Arrives</source>
        <translation>An&amp;kunft</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>Numme&amp;r</translation>
    </message>
    <message>
        <source>&amp;Carrier</source>
        <translation>Anb&amp;ieter</translation>
    </message>
    <message>
        <source>&amp;Booking ref</source>
        <translation>B&amp;uchungsnummer</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>&amp;Währung</translation>
    </message>
    <message>
        <source>C&amp;ost</source>
        <translation>K&amp;osten</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>Noti&amp;zen</translation>
    </message>
    <message>
        <source>%1 time zone</source>
        <translation>Zeitzone (%1)</translation>
    </message>
    <message>
        <source>%1 date</source>
        <translation>Datum (%1)</translation>
    </message>
    <message>
        <source>%1 time</source>
        <translation>Uhrzeit (%1)</translation>
    </message>
    <message>
        <source>%1 code</source>
        <translation>Code (%1)</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Booking ref</source>
        <translation>Buchungsnummer</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Ne&amp;w leg</source>
        <translation>N&amp;eue Strecke</translation>
    </message>
    <message>
        <source>Save le&amp;g</source>
        <translation>Strecke s&amp;peichern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>(needs both local times and zones)</source>
        <translation>(erfordert beide Ortszeiten und Zeitzonen)</translation>
    </message>
    <message>
        <source>Edit leg %1</source>
        <translation>Strecke %1 bearbeiten</translation>
    </message>
    <message>
        <source>Add leg %1</source>
        <translation>Strecke %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove leg %1</source>
        <translation>Strecke %1 entfernen</translation>
    </message>
    <message>
        <source>The new leg</source>
        <translation>Die neue Strecke</translation>
    </message>
    <message>
        <source>The leg “%1 → %2”</source>
        <translation>Die Strecke „%1 → %2“</translation>
    </message>
</context>
<context>
    <name>tp::ui::LlmEndpointTest</name>
    <message>
        <source>The built-in offline planner needs no connection.</source>
        <translation>Der integrierte Offline-Planer benötigt keine Verbindung.</translation>
    </message>
    <message>
        <source>The base URL is not a valid http(s) address.</source>
        <translation>Die Basis-URL ist keine gültige http(s)-Adresse.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>The server name %1 could not be found: check the base URL and that you are online.</source>
        <translation>Der Servername %1 wurde nicht gefunden: Prüfen Sie die Basis-URL und Ihre Internetverbindung.</translation>
    </message>
    <message>
        <source>Nothing accepted the connection at %1 (is the server running?).</source>
        <translation>Unter %1 hat niemand die Verbindung angenommen (läuft der Server?).</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (TLS certificate problem).</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen (Problem mit dem TLS-Zertifikat).</translation>
    </message>
    <message>
        <source>No answer from %1: the network or the server is unavailable.</source>
        <translation>Keine Antwort von %1: Das Netzwerk oder der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address.</source>
        <translation>Der Server unter %1 hat die Anfrage an eine andere Adresse umgeleitet.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address (%2).</source>
        <translation>Der Server unter %1 hat die Anfrage an eine andere Adresse umgeleitet (%2).</translation>
    </message>
    <message>
        <source>The API key is only sent to the server you configured: if the new address is right, enter it as the base URL.</source>
        <translation>Der API-Schlüssel wird nur an den konfigurierten Server gesendet: Wenn die neue Adresse stimmt, tragen Sie sie als Basis-URL ein.</translation>
    </message>
    <message>
        <source>It works: %1 answered in %2 ms with model %3.</source>
        <translation>Es funktioniert: %1 hat in %2 ms mit dem Modell %3 geantwortet.</translation>
    </message>
    <message>
        <source>The API key was rejected (HTTP %1): check or replace the key.</source>
        <translation>Der API-Schlüssel wurde abgelehnt (HTTP %1): Prüfen oder ersetzen Sie den Schlüssel.</translation>
    </message>
    <message>
        <source>The quota or rate limit is exhausted (HTTP 429): wait, or check the plan of the account.</source>
        <translation>Das Kontingent oder Ratenlimit ist ausgeschöpft (HTTP 429): Warten Sie oder prüfen Sie den Tarif des Kontos.</translation>
    </message>
    <message>
        <source>The provider had a server error (HTTP %1); try again later.</source>
        <translation>Beim Anbieter ist ein Serverfehler aufgetreten (HTTP %1); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Not found (HTTP 404): check the base URL and the model name &quot;%1&quot;.</source>
        <translation>Nicht gefunden (HTTP 404): Prüfen Sie die Basis-URL und den Modellnamen „%1“.</translation>
    </message>
    <message>
        <source>The provider refused the request (HTTP %1).</source>
        <translation>Der Anbieter hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>tp::ui::MainWindow</name>
    <message>
        <source>Trips</source>
        <translation>Reisen</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Reiseziele</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Daten: %1</translation>
    </message>
    <message>
        <source>Round trip %1 ms</source>
        <translation>Antwortzeit %1 ms</translation>
    </message>
    <message>
        <source>The budget was not saved: its trip is no longer open.</source>
        <translation>Das Budget wurde nicht gespeichert: Die zugehörige Reise ist nicht mehr geöffnet.</translation>
    </message>
    <message>
        <source>The budget is in the trip&apos;s details: save them to keep it.</source>
        <translation>Das Budget steht in den Details der Reise: Speichern Sie diese, um es zu behalten.</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Connection settin&amp;gs…</source>
        <translation>Verbindungseinstellun&amp;gen…</translation>
    </message>
    <message>
        <source>Search trips</source>
        <translation>Reisen durchsuchen</translation>
    </message>
    <message>
        <source>Search title and description… (Ctrl+F)</source>
        <translation>Titel und Beschreibung durchsuchen… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Trips ending on or after</source>
        <translation>Reisen, die am oder nach diesem Datum enden</translation>
    </message>
    <message>
        <source>Trips starting on or before</source>
        <translation>Reisen, die am oder vor diesem Datum beginnen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Destination Selected</source>
        <translation>Ziel gewählt</translation>
    </message>
    <message>
        <source>Plan a new trip</source>
        <translation>Neue Reise planen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planung</translation>
    </message>
    <message>
        <source>Map of the trip&apos;s places</source>
        <translation>Karte mit den Orten der Reise</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New trip</source>
        <translation>&amp;Neue Reise</translation>
    </message>
    <message>
        <source>&amp;Save trip</source>
        <translation>Reise &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Reise&amp;vorlieben…</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>E&amp;rneut verbinden</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Map as &amp;PNG…</source>
        <translation>Karte als &amp;PNG…</translation>
    </message>
    <message>
        <source>&amp;Destinations as GeoJSON or GPX…</source>
        <translation>&amp;Reiseziele als GeoJSON oder GPX…</translation>
    </message>
    <message>
        <source>This &amp;trip&apos;s places as GeoJSON or GPX…</source>
        <translation>&amp;Orte dieser Reise als GeoJSON oder GPX…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Delete trip…</source>
        <translation>Reise &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Trip &amp;details</source>
        <translation>Reise&amp;details</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Gespräch</translation>
    </message>
    <message>
        <source>&amp;Planning</source>
        <translation>&amp;Planung</translation>
    </message>
    <message>
        <source>De&amp;stinations</source>
        <translation>&amp;Reiseziele</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Karte</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Trip Planner cannot reach its database at %1.
%2</source>
        <translation>Trip Planner erreicht seine Datenbank unter %1 nicht.
%2</translation>
    </message>
    <message>
        <source>The connection to the database was lost: %1
Your trips are shown as last loaded; changes are refused until it is back.</source>
        <translation>Die Verbindung zur Datenbank wurde unterbrochen: %1
Ihre Reisen werden so angezeigt, wie sie zuletzt geladen wurden; Änderungen sind erst wieder möglich, wenn die Verbindung besteht.</translation>
    </message>
    <message>
        <source>Trying again to reach %1…</source>
        <translation>Erneuter Versuch, %1 zu erreichen…</translation>
    </message>
    <message>
        <source>No trips match these filters.</source>
        <translation>Keine Reisen entsprechen diesen Filtern.</translation>
    </message>
    <message>
        <source>No trips yet. Where would you like to go?</source>
        <translation>Noch keine Reisen. Wohin möchten Sie reisen?</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trips</source>
        <translation>
            <numerusform>%n Reise</numerusform>
            <numerusform>%n Reisen</numerusform>
        </translation>
    </message>
    <message>
        <source>The new trip</source>
        <translation>Die neue Reise</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 hat nicht gespeicherte Änderungen. Jetzt speichern?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Plan wird gespeichert…</translation>
    </message>
    <message>
        <source>Created “%1”.</source>
        <translation>„%1“ angelegt.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete trip</source>
        <translation>Reise löschen</translation>
    </message>
    <message>
        <source>Delete the trip “%1”? Its conversation and planning sessions are deleted with it; Undo (Ctrl+Z) brings all of it back.</source>
        <translation>Die Reise „%1“ löschen? Ihr Gespräch und ihre Planungssitzungen werden mit gelöscht; Rückgängig (Ctrl+Z) stellt alles wieder her.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted “%1”. Undo with Ctrl+Z.</source>
        <translation>„%1“ gelöscht. Rückgängig mit Ctrl+Z.</translation>
    </message>
    <message>
        <source>Loading every trip…</source>
        <translation>Alle Reisen werden geladen…</translation>
    </message>
    <message>
        <source>Unsent message</source>
        <translation>Nicht gesendete Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>A message to the planner was typed but not sent (%n trips). Quit anyway and lose it?</source>
        <translation>
            <numerusform>Eine Nachricht an den Planer wurde eingegeben, aber nicht gesendet (%n Reise). Trotzdem beenden und die Nachricht verlieren?</numerusform>
            <numerusform>Nachrichten an den Planer wurden eingegeben, aber nicht gesendet (%n Reisen). Trotzdem beenden und die Nachrichten verlieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit without sending</source>
        <translation>Ohne Senden &amp;beenden</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Karte exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Saved the map to %1.</source>
        <translation>Karte in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Export destinations</source>
        <translation>Reiseziele exportieren</translation>
    </message>
    <message>
        <source>Trip Planner destinations</source>
        <translation>Reiseziele aus Trip Planner</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n destinations; %1 without coordinates left out.</source>
        <translation>
            <numerusform>%n Reiseziel exportiert; %1 ohne Koordinaten ausgelassen.</numerusform>
            <numerusform>%n Reiseziele exportiert; %1 ohne Koordinaten ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a trip first.</source>
        <translation>Wählen Sie zuerst eine Reise aus.</translation>
    </message>
    <message>
        <source>This trip has no places with coordinates yet.</source>
        <translation>Diese Reise hat noch keine Orte mit Koordinaten.</translation>
    </message>
    <message>
        <source>Export the trip&apos;s places</source>
        <translation>Orte der Reise exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n places.</source>
        <translation>
            <numerusform>%n Ort exportiert.</numerusform>
            <numerusform>%n Orte exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::MapSettingsPage</name>
    <message>
        <source>The map&apos;s land and borders and the offline gazetteer are built in and always work. These online services add detail when the computer is online.</source>
        <translation>Land und Grenzen der Karte sowie das Offline-Ortsverzeichnis sind integriert und funktionieren immer. Diese Onlinedienste ergänzen Details, wenn der Computer online ist.</translation>
    </message>
    <message>
        <source>Map tiles</source>
        <translation>Kartenkacheln</translation>
    </message>
    <message>
        <source>Show online map tiles when the computer is online</source>
        <translation>Online-Kartenkacheln anzeigen, wenn der Computer online ist</translation>
    </message>
    <message>
        <source>Tile server</source>
        <translation>Kachelserver</translation>
    </message>
    <message>
        <source>An XYZ template with {z}, {x} and {y}. The OpenStreetMap tile server is used within its usage policy: tiles are cached for at least 7 days and only the tiles on screen are fetched.</source>
        <translation>Eine XYZ-Vorlage mit {z}, {x} und {y}. Der OpenStreetMap-Kachelserver wird gemäß seinen Nutzungsrichtlinien verwendet: Kacheln werden mindestens 7 Tage zwischengespeichert, und nur die Kacheln auf dem Bildschirm werden abgerufen.</translation>
    </message>
    <message>
        <source>Attribution shown on the map</source>
        <translation>Auf der Karte angezeigte Quellenangabe</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Quellenangabe</translation>
    </message>
    <message>
        <source>Online place search</source>
        <translation>Online-Ortssuche</translation>
    </message>
    <message>
        <source>Offer &quot;Search online&quot; in the destination editor</source>
        <translation>„Online suchen“ im Reiseziel-Editor anbieten</translation>
    </message>
    <message>
        <source>Nominatim server</source>
        <translation>Nominatim-Server</translation>
    </message>
    <message>
        <source>A place name is sent only when you press &quot;Search online&quot;, at most one request a second; answers are kept in the database so that a question is asked once.</source>
        <translation>Ein Ortsname wird nur gesendet, wenn Sie „Online suchen“ drücken, höchstens eine Anfrage pro Sekunde; Antworten werden in der Datenbank gespeichert, sodass jede Frage nur einmal gestellt wird.</translation>
    </message>
</context>
<context>
    <name>tp::ui::MapWidget</name>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <source>Show all markers (Home)</source>
        <translation>Alle Markierungen zeigen (Home)</translation>
    </message>
    <message>
        <source>Show the trip&apos;s places (Home)</source>
        <translation>Orte der Reise zeigen (Home)</translation>
    </message>
    <message>
        <source>Chosen destination of this trip</source>
        <translation>Gewähltes Reiseziel dieser Reise</translation>
    </message>
    <message>
        <source>Selected destination</source>
        <translation>Ausgewähltes Reiseziel</translation>
    </message>
    <message>
        <source>Recommended by the planner</source>
        <translation>Vom Planer empfohlen</translation>
    </message>
    <message>
        <source>Destination in your catalogue</source>
        <translation>Reiseziel in Ihrem Katalog</translation>
    </message>
    <message>
        <source>Several destinations (click to zoom in)</source>
        <translation>Mehrere Reiseziele (zum Vergrößern klicken)</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Unterkunft</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Idea, not scheduled yet</source>
        <translation>Idee, noch nicht eingeplant</translation>
    </message>
    <message>
        <source>Leg (dashed: a flight)</source>
        <translation>Strecke (gestrichelt: Flug)</translation>
    </message>
    <message>
        <source>Start or end of a leg</source>
        <translation>Start oder Ende einer Strecke</translation>
    </message>
    <message>
        <source>Picked position</source>
        <translation>Gewählte Position</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Hide the legend</source>
        <translation>Legende ausblenden</translation>
    </message>
    <message>
        <source>Show what the markers&apos; colours mean</source>
        <translation>Zeigen, was die Farben der Markierungen bedeuten</translation>
    </message>
    <message>
        <source>Show the legend</source>
        <translation>Legende einblenden</translation>
    </message>
    <message>
        <source>Best time to visit: %1</source>
        <translation>Beste Reisezeit: %1</translation>
    </message>
    <message>
        <source>Daily cost: %1</source>
        <translation>Tageskosten: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n destinations here; click to zoom in</source>
        <translation>
            <numerusform>%n Reiseziel hier; zum Vergrößern klicken</numerusform>
            <numerusform>%n Reiseziele hier; zum Vergrößern klicken</numerusform>
        </translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <source>(approximate position)</source>
        <translation>(ungefähre Position)</translation>
    </message>
</context>
<context>
    <name>tp::ui::MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlaceField</name>
    <message>
        <source>City, country</source>
        <translation>Stadt, Land</translation>
    </message>
    <message>
        <source>Find pla&amp;ce</source>
        <translation>Ort su&amp;chen</translation>
    </message>
    <message>
        <source>Pick on &amp;map…</source>
        <translation>Auf Karte &amp;markieren…</translation>
    </message>
    <message>
        <source>Click the place on a map</source>
        <translation>Ort auf einer Karte anklicken</translation>
    </message>
    <message>
        <source>Places found online</source>
        <translation>Online gefundene Orte</translation>
    </message>
    <message>
        <source>No coordinates: Find place or Pick on map to add them.</source>
        <translation>Keine Koordinaten: Mit „Ort suchen“ oder „Auf Karte markieren“ hinzufügen.</translation>
    </message>
    <message>
        <source>The online search changed: press Find place again.</source>
        <translation>Die Online-Suche wurde geändert: Drücken Sie erneut „Ort suchen“.</translation>
    </message>
    <message>
        <source>The online search was turned off.</source>
        <translation>Die Online-Suche wurde ausgeschaltet.</translation>
    </message>
    <message>
        <source>Looks the place up in the offline gazetteer, then on OpenStreetMap Nominatim (sends the name to nominatim.openstreetmap.org or the server set in Settings → Map).</source>
        <translation>Sucht den Ort im Offline-Ortsverzeichnis, dann bei OpenStreetMap Nominatim (sendet den Namen an nominatim.openstreetmap.org oder an den unter Einstellungen → Karte festgelegten Server).</translation>
    </message>
    <message>
        <source>Looks the place up in the offline gazetteer. Online search is turned off (Settings → Map).</source>
        <translation>Sucht den Ort im Offline-Ortsverzeichnis. Die Online-Suche ist ausgeschaltet (Einstellungen → Karte).</translation>
    </message>
    <message>
        <source>Type the place&apos;s name first.</source>
        <translation>Geben Sie zuerst den Namen des Orts ein.</translation>
    </message>
    <message>
        <source>Looking up %1 in the offline gazetteer…</source>
        <translation>%1 wird im Offline-Ortsverzeichnis gesucht…</translation>
    </message>
    <message>
        <source>%1 was not found in the offline gazetteer (online search is turned off: Settings → Map).</source>
        <translation>%1 wurde im Offline-Ortsverzeichnis nicht gefunden (die Online-Suche ist ausgeschaltet: Einstellungen → Karte).</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 (the country&apos;s centre, approximate): %2</source>
        <translation>%1 (Landesmitte, ungefähr): %2</translation>
    </message>
    <message>
        <source>%1 is not in the offline gazetteer; searching OpenStreetMap Nominatim…</source>
        <translation>%1 ist nicht im Offline-Ortsverzeichnis; OpenStreetMap Nominatim wird durchsucht…</translation>
    </message>
    <message>
        <source>Neither the offline gazetteer nor OpenStreetMap Nominatim found %1.</source>
        <translation>Weder das Offline-Ortsverzeichnis noch OpenStreetMap Nominatim hat %1 gefunden.</translation>
    </message>
    <message>
        <source>%1: %2. Search data © OpenStreetMap contributors (ODbL).</source>
        <translation>%1: %2. Suchdaten © OpenStreetMap-Mitwirkende (ODbL).</translation>
    </message>
    <message>
        <source>Picked on the map: %1</source>
        <translation>Auf der Karte gewählt: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanEditor</name>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Unterkünfte</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>Reiseplan</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Ask the planner for proposals for this stage (%1); nothing enters the plan until you accept it</source>
        <translation>Den Planer um Vorschläge für diese Phase bitten (%1); nichts gelangt in den Plan, bevor Sie es übernehmen</translation>
    </message>
    <message>
        <source>Stop asking the planner</source>
        <translation>Planer-Anfrage abbrechen</translation>
    </message>
    <message>
        <source>Suggest stays…</source>
        <translation>Unterkünfte vorschlagen…</translation>
    </message>
    <message>
        <source>Suggest activities…</source>
        <translation>Aktivitäten vorschlagen…</translation>
    </message>
    <message>
        <source>Draft the itinerary…</source>
        <translation>Reiseplan entwerfen…</translation>
    </message>
    <message>
        <source>Estimate the budget…</source>
        <translation>Budget schätzen…</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanLayer</name>
    <message>
        <source>number %1 of the day</source>
        <translation>Nr. %1 des Tages</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanSection</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 hat nicht gespeicherte Änderungen. Jetzt speichern?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanningPanel</name>
    <message>
        <source>Planning stages</source>
        <translation>Planungsphasen</translation>
    </message>
    <message>
        <source>Start planning</source>
        <translation>Planung starten</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Back one stage</source>
        <translation>Eine Phase zurück</translation>
    </message>
    <message>
        <source>Advance ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Advance to the next stage</source>
        <translation>Zur nächsten Phase</translation>
    </message>
    <message>
        <source>Back one stage (Alt+Left)</source>
        <translation>Eine Phase zurück (Alt+Left)</translation>
    </message>
    <message>
        <source>Advance to the next stage (Alt+Right)</source>
        <translation>Zur nächsten Phase (Alt+Right)</translation>
    </message>
    <message>
        <source>Planning is completed from the final review: advance to it first.</source>
        <translation>Die Planung wird in der Abschlussprüfung abgeschlossen: Gehen Sie zuerst zu dieser Phase weiter.</translation>
    </message>
    <message>
        <source>Writing the itinerary to %1…</source>
        <translation>Reiseplan wird in %1 geschrieben…</translation>
    </message>
    <message>
        <source>Select a trip to see its planning session.</source>
        <translation>Wählen Sie eine Reise, um ihre Planungssitzung zu sehen.</translation>
    </message>
    <message>
        <source>Start a new session</source>
        <translation>Neue Sitzung starten</translation>
    </message>
    <message>
        <source>No active planning session. Start one to work through the stages.</source>
        <translation>Keine aktive Planungssitzung. Starten Sie eine, um die Phasen zu durchlaufen.</translation>
    </message>
    <message>
        <source>Planning completed: all %1 stages done · started %2</source>
        <translation>Planung abgeschlossen: alle %1 Phasen erledigt · begonnen %2</translation>
    </message>
    <message>
        <source>Stage %1 of %2: %3 · %4 of %2 stages completed · started %5</source>
        <translation>Phase %1 von %2: %3 · %4 von %2 Phasen abgeschlossen · begonnen %5</translation>
    </message>
    <message>
        <source>Asking the planner…</source>
        <translation>Planer wird gefragt…</translation>
    </message>
    <message>
        <source>The planner: %1</source>
        <translation>Der Planer: %1</translation>
    </message>
    <message>
        <source>The planner did not answer (%1); trying again in %2 s (attempt %3)…</source>
        <translation>Der Planer hat nicht geantwortet (%1); neuer Versuch in %2 s (Versuch %3)…</translation>
    </message>
    <message>
        <source>Stopped asking the planner; nothing was changed.</source>
        <translation>Anfrage an den Planer abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The planner could not make proposals: %1 Nothing was changed.</source>
        <translation>Der Planer konnte keine Vorschläge machen: %1 Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The plan or the trip changed while the proposals were open: nothing was added. Ask again for proposals that fit them as they are now.</source>
        <translation>Der Plan oder die Reise hat sich geändert, während die Vorschläge offen waren: Es wurde nichts hinzugefügt. Fragen Sie erneut nach Vorschlägen, die zum aktuellen Stand passen.</translation>
    </message>
    <message>
        <source>Nothing was added: %1</source>
        <translation>Nichts hinzugefügt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>%n Vorschlag übernehmen</numerusform>
            <numerusform>%n Vorschläge übernehmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n suggestion(s) to the plan; Undo (Ctrl+Z) takes them out again.</source>
        <translation>
            <numerusform>%n Vorschlag zum Plan hinzugefügt; Rückgängig (Ctrl+Z) entfernt ihn wieder.</numerusform>
            <numerusform>%n Vorschläge zum Plan hinzugefügt; Rückgängig (Ctrl+Z) entfernt sie wieder.</numerusform>
        </translation>
    </message>
    <message>
        <source>The estimate goes to the trip&apos;s budget (in its details).</source>
        <translation>Die Schätzung wird in das Budget der Reise übernommen (in ihren Details).</translation>
    </message>
</context>
<context>
    <name>tp::ui::PreferencesDialog</name>
    <message>
        <source>Travel preferences</source>
        <translation>Reisevorlieben</translation>
    </message>
    <message>
        <source>What you like when travelling</source>
        <translation>Was Ihnen auf Reisen gefällt</translation>
    </message>
    <message>
        <source>Beaches, food markets, slow mornings…</source>
        <translation>Strände, Märkte, gemütliche Vormittage…</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Vorlieben</translation>
    </message>
    <message>
        <source>no minimum</source>
        <translation>kein Minimum</translation>
    </message>
    <message>
        <source>Minimum budget</source>
        <translation>Mindestbudget</translation>
    </message>
    <message>
        <source>Budget from</source>
        <translation>Budget ab</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>kein Maximum</translation>
    </message>
    <message>
        <source>Maximum budget</source>
        <translation>Höchstbudget</translation>
    </message>
    <message>
        <source>Budget up to</source>
        <translation>Budget bis</translation>
    </message>
    <message>
        <source>Preferred group size</source>
        <translation>Bevorzugte Gruppengröße</translation>
    </message>
    <message>
        <source>Group size</source>
        <translation>Gruppengröße</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Budget from:</source>
        <translation>Budget ab:</translation>
    </message>
    <message>
        <source>Budget up to:</source>
        <translation>Budget bis:</translation>
    </message>
    <message>
        <source>Group size:</source>
        <translation>Gruppengröße:</translation>
    </message>
    <message>
        <source>Preferences:</source>
        <translation>Vorlieben:</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>tp::ui::ProposalsDialog</name>
    <message numerus="yes">
        <source>%1: %2 to %3 (%n night(s))</source>
        <translation>
            <numerusform>%1: %2 bis %3 (%n Nacht)</numerusform>
            <numerusform>%1: %2 bis %3 (%n Nächte)</numerusform>
        </translation>
    </message>
    <message>
        <source>Idea: %1</source>
        <translation>Idee: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1, %2–%3: %4</source>
        <translation>%1, %2–%3: %4</translation>
    </message>
    <message>
        <source>Suggested stays</source>
        <translation>Vorgeschlagene Unterkünfte</translation>
    </message>
    <message>
        <source>Suggested activities</source>
        <translation>Vorgeschlagene Aktivitäten</translation>
    </message>
    <message>
        <source>A draft itinerary</source>
        <translation>Entwurf des Reiseplans</translation>
    </message>
    <message>
        <source>A budget estimate</source>
        <translation>Budgetschätzung</translation>
    </message>
    <message>
        <source>%1 for “%2”</source>
        <translation>%1 für „%2“</translation>
    </message>
    <message>
        <source>A suggestion to verify: check that it exists and is open before you book.</source>
        <translation>Ein zu prüfender Vorschlag: Vergewissern Sie sich vor der Buchung, dass es ihn gibt und dass er geöffnet ist.</translation>
    </message>
    <message>
        <source>Cannot be accepted: %1 %2</source>
        <translation>Kann nicht übernommen werden: %1 %2</translation>
    </message>
    <message>
        <source>&amp;Accept selected</source>
        <translation>&amp;Ausgewählte übernehmen</translation>
    </message>
    <message>
        <source>Accept a&amp;ll</source>
        <translation>A&amp;lle übernehmen</translation>
    </message>
    <message>
        <source>&amp;Edit first…</source>
        <translation>Vorher &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Open this stay or activity in its stage&apos;s form to change it before it is added</source>
        <translation>Diese Unterkunft oder Aktivität im Formular ihrer Phase öffnen, um sie vor dem Hinzufügen zu ändern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
</context>
<context>
    <name>tp::ui::ReviewView</name>
    <message>
        <source>What is missing</source>
        <translation>Was fehlt</translation>
    </message>
    <message>
        <source>Export to &amp;calendar…</source>
        <translation>In &amp;Kalender exportieren…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Reads booking confirmations (.ics) and places (GPX, KML, GeoJSON) into the plan</source>
        <translation>Liest Buchungsbestätigungen (.ics) und Orte (GPX, KML, GeoJSON) in den Plan ein</translation>
    </message>
    <message>
        <source>C&amp;omplete planning</source>
        <translation>Planung ab&amp;schließen</translation>
    </message>
    <message>
        <source>Nothing is missing: everything is booked.</source>
        <translation>Nichts fehlt: Alles ist gebucht.</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>Nichts fehlt.</translation>
    </message>
    <message numerus="yes">
        <source>%n things to look at before the trip (Enter on one shows it):</source>
        <translation>
            <numerusform>%n Punkt ist vor der Reise zu prüfen (Enter zeigt ihn an):</numerusform>
            <numerusform>%n Punkte sind vor der Reise zu prüfen (Enter auf einem Punkt zeigt ihn an):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Use the password and keys for this session only (they are not saved and must be entered again next time)</source>
        <translation>Passwort und Schlüssel nur für diese Sitzung verwenden (sie werden nicht gespeichert und müssen beim nächsten Mal erneut eingegeben werden)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>AI planner</source>
        <translation>KI-Planer</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Built-in database file on this computer (recommended)</source>
        <translation>Integrierte Datenbankdatei auf diesem Computer (empfohlen)</translation>
    </message>
    <message>
        <source>PostgreSQL or Neon server</source>
        <translation>PostgreSQL- oder Neon-Server</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>Reveal in file manager</source>
        <translation>Im Dateimanager zeigen</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Verschieben nach…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Paste a connection string: postgresql://user:password@host/dbname?sslmode=require</source>
        <translation>Verbindungs-URL einfügen: postgresql://user:password@host/dbname?sslmode=require</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Connection string:</source>
        <translation>Verbindungs-URL:</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>require (encrypted; needed for Neon)</source>
        <translation>require (verschlüsselt; für Neon erforderlich)</translation>
    </message>
    <message>
        <source>verify-full (encrypted, certificate and host checked)</source>
        <translation>verify-full (verschlüsselt, Zertifikat und Host geprüft)</translation>
    </message>
    <message>
        <source>verify-ca (encrypted, certificate checked)</source>
        <translation>verify-ca (verschlüsselt, Zertifikat geprüft)</translation>
    </message>
    <message>
        <source>prefer (encrypted when the server offers it)</source>
        <translation>prefer (verschlüsselt, wenn der Server es anbietet)</translation>
    </message>
    <message>
        <source>allow (unencrypted unless the server insists)</source>
        <translation>allow (unverschlüsselt, außer der Server verlangt es)</translation>
    </message>
    <message>
        <source>disable (never encrypted)</source>
        <translation>disable (nie verschlüsselt)</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>TLS (sslmode):</source>
        <translation>TLS (sslmode):</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <source>Built-in offline planner (no account, nothing leaves this computer)</source>
        <translation>Integrierter Offline-Planer (kein Konto, keine Daten verlassen diesen Computer)</translation>
    </message>
    <message>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <source>OpenAI-compatible endpoint (OpenAI, Ollama, …)</source>
        <translation>OpenAI-kompatibler Endpunkt (OpenAI, Ollama, …)</translation>
    </message>
    <message>
        <source>Planner:</source>
        <translation>Planer:</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>The system keychain cannot be used: %1 Passwords and API keys cannot be saved on this computer. They are never written to a file instead; you may use them for this session only.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar: %1 Passwörter und API-Schlüssel können auf diesem Computer nicht gespeichert werden. Ersatzweise werden sie nie in eine Datei geschrieben; Sie können sie nur für diese Sitzung verwenden.</translation>
    </message>
    <message>
        <source>The saved server settings are not valid: %1</source>
        <translation>Die gespeicherten Servereinstellungen sind ungültig: %1</translation>
    </message>
    <message>
        <source>Other parameters: %1</source>
        <translation>Weitere Parameter: %1</translation>
    </message>
    <message>
        <source>Reading the system keychain…</source>
        <translation>Schlüsselbund des Systems wird gelesen…</translation>
    </message>
    <message>
        <source>The settings file holds the database password inside database.url. It is not used from there: the file is plain text that anything running under your account can read.</source>
        <translation>Die Einstellungsdatei enthält das Datenbankpasswort in database.url. Dort wird es nicht verwendet: Die Datei ist reiner Text, den jedes Programm unter Ihrem Konto lesen kann.</translation>
    </message>
    <message>
        <source>The system keychain cannot be used, so it cannot be kept safely on this computer. You may use it for this session only: the settings file is then rewritten without it, and you enter it again the next time.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar, daher kann das Passwort auf diesem Computer nicht sicher aufbewahrt werden. Sie können es nur für diese Sitzung verwenden: Die Einstellungsdatei wird dann ohne das Passwort neu geschrieben, und Sie geben es beim nächsten Mal erneut ein.</translation>
    </message>
    <message>
        <source>Use it for this session &amp;only</source>
        <translation>&amp;Nur für diese Sitzung verwenden</translation>
    </message>
    <message>
        <source>Move it to the system keychain, where the app reads it; the settings file is then rewritten without it.</source>
        <translation>Verschieben Sie es in den Schlüsselbund des Systems, aus dem die App es liest; die Einstellungsdatei wird dann ohne das Passwort neu geschrieben.</translation>
    </message>
    <message>
        <source>The keychain already holds the same password.</source>
        <translation>Der Schlüsselbund enthält bereits dasselbe Passwort.</translation>
    </message>
    <message>
        <source>The keychain already holds another database password, which is the one in use; moving replaces it.</source>
        <translation>Der Schlüsselbund enthält bereits ein anderes Datenbankpasswort, das derzeit verwendet wird; beim Verschieben wird es ersetzt.</translation>
    </message>
    <message>
        <source>&amp;Move the password to the keychain</source>
        <translation>Passwort in den Schlüsselbund &amp;verschieben</translation>
    </message>
    <message>
        <source>Some values in the settings file (%1) were ignored when the settings were read; the defaults are used instead. Saving here writes valid values over them.</source>
        <translation>Einige Werte in der Einstellungsdatei (%1) wurden beim Lesen der Einstellungen ignoriert; stattdessen gelten die Standardwerte. Beim Speichern hier werden sie durch gültige Werte ersetzt.</translation>
    </message>
    <message>
        <source>The password was not moved: %1</source>
        <translation>Das Passwort wurde nicht verschoben: %1</translation>
    </message>
    <message>
        <source>The password is kept, but the settings file could not be rewritten without it: %1</source>
        <translation>Das Passwort wird aufbewahrt, aber die Einstellungsdatei konnte nicht ohne das Passwort neu geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The database password is used for this session only, and the settings file no longer holds it. Enter it again the next time, or once the keychain works.</source>
        <translation>Das Datenbankpasswort wird nur für diese Sitzung verwendet und ist nicht mehr in der Einstellungsdatei enthalten. Geben Sie es beim nächsten Mal erneut ein oder sobald der Schlüsselbund funktioniert.</translation>
    </message>
    <message>
        <source>The database password is now in the system keychain, and the settings file no longer holds it.</source>
        <translation>Das Datenbankpasswort liegt jetzt im Schlüsselbund des Systems und ist nicht mehr in der Einstellungsdatei enthalten.</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Expected a postgresql:// connection string.</source>
        <translation>Erwartet wird eine Verbindungs-URL mit postgresql://.</translation>
    </message>
    <message>
        <source>Connection string applied.</source>
        <translation>Verbindungs-URL übernommen.</translation>
    </message>
    <message>
        <source>Connection string applied; its password will be kept in the system keychain.</source>
        <translation>Verbindungs-URL übernommen; ihr Passwort wird im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name.</source>
        <translation>Geben Sie den Hostnamen des Servers ein.</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>Geben Sie den Datenbanknamen ein.</translation>
    </message>
    <message>
        <source>Connecting to %1… %2 s (a suspended Neon database takes a few seconds to wake)</source>
        <translation>Verbindung zu %1 wird hergestellt… %2 s (eine pausierte Neon-Datenbank braucht einige Sekunden zum Aufwachen)</translation>
    </message>
    <message>
        <source>Waiting for the provider… %1 s</source>
        <translation>Warten auf den Anbieter… %1 s</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>Geben Sie zuerst den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Move the database file to</source>
        <translation>Datenbankdatei verschieben nach</translation>
    </message>
    <message>
        <source>Database files (*.sqlite3 *.db)</source>
        <translation>Datenbankdateien (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>The database is in use; the file was not moved.</source>
        <translation>Die Datenbank wird gerade verwendet; die Datei wurde nicht verschoben.</translation>
    </message>
    <message>
        <source>Copying the database to %1…</source>
        <translation>Datenbank wird nach %1 kopiert…</translation>
    </message>
    <message>
        <source>The database was not moved: %1</source>
        <translation>Die Datenbank wurde nicht verschoben: %1</translation>
    </message>
    <message>
        <source>The database now lives in %1. The previous file %2 was kept; delete it when you no longer need it.</source>
        <translation>Die Datenbank liegt jetzt in %1. Die bisherige Datei %2 wurde behalten; löschen Sie sie, wenn Sie sie nicht mehr brauchen.</translation>
    </message>
    <message>
        <source>Not saved: the system keychain is not available. Tick &quot;for this session only&quot; to use the secrets until the app quits, or try again once the keychain is unlocked.</source>
        <translation>Nicht gespeichert: Der Schlüsselbund des Systems ist nicht verfügbar. Aktivieren Sie „nur für diese Sitzung“, um die Zugangsdaten bis zum Beenden der App zu verwenden, oder versuchen Sie es erneut, sobald der Schlüsselbund entsperrt ist.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host and database, or choose the built-in file.</source>
        <translation>Geben Sie Host und Datenbank des Servers ein oder wählen Sie die integrierte Datei.</translation>
    </message>
    <message>
        <source>PostgreSQL is selected but no server is set.</source>
        <translation>PostgreSQL ist ausgewählt, aber es ist kein Server festgelegt.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>tp::ui::SettingsFlow</name>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Saved. DATABASE_URL is set in the environment and takes precedence over the settings.</source>
        <translation>Gespeichert. DATABASE_URL ist in der Umgebung gesetzt und hat Vorrang vor den Einstellungen.</translation>
    </message>
    <message>
        <source>Trip Planner will now use %1. Restart to connect to it?</source>
        <translation>Trip Planner verwendet jetzt %1. Neu starten, um die Verbindung herzustellen?</translation>
    </message>
</context>
<context>
    <name>tp::ui::StatusStepper</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (aktuell)</translation>
    </message>
    <message>
        <source>%1 (done)</source>
        <translation>%1 (erledigt)</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>Fortschritt: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::StaysEditor</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Check-out</translation>
    </message>
    <message>
        <source>Nights</source>
        <translation>Nächte</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Unterkünfte</translation>
    </message>
    <message>
        <source>Per ni&amp;ght</source>
        <translation>Pro Nach&amp;t</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Pl&amp;ace</source>
        <translation>O&amp;rt</translation>
    </message>
    <message>
        <source>Check-&amp;in</source>
        <translation>Check-&amp;in</translation>
    </message>
    <message>
        <source>Check-&amp;out</source>
        <translation>Check-&amp;out</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>&amp;Währung</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Preis</translation>
    </message>
    <message>
        <source>Booking &amp;ref</source>
        <translation>Buchun&amp;gsnummer</translation>
    </message>
    <message>
        <source>Lin&amp;k</source>
        <translation>Lin&amp;k</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>Noti&amp;zen</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Booking ref</source>
        <translation>Buchungsnummer</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Ne&amp;w stay</source>
        <translation>N&amp;eue Unterkunft</translation>
    </message>
    <message>
        <source>&amp;Save stay</source>
        <translation>Unterkunft &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message numerus="yes">
        <source>%n nights without a stay: %1</source>
        <translation>
            <numerusform>%n Nacht ohne Unterkunft: %1</numerusform>
            <numerusform>%n Nächte ohne Unterkunft: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” and “%2” overlap on %3</source>
        <translation>„%1“ und „%2“ überschneiden sich: %3</translation>
    </message>
    <message>
        <source>Every night of the trip has a stay.</source>
        <translation>Für jede Nacht der Reise gibt es eine Unterkunft.</translation>
    </message>
    <message>
        <source> a night</source>
        <translation> pro Nacht</translation>
    </message>
    <message>
        <source>Edit stay %1</source>
        <translation>Unterkunft %1 bearbeiten</translation>
    </message>
    <message>
        <source>Add stay %1</source>
        <translation>Unterkunft %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove stay %1</source>
        <translation>Unterkunft %1 entfernen</translation>
    </message>
    <message>
        <source>The new stay</source>
        <translation>Die neue Unterkunft</translation>
    </message>
    <message>
        <source>The stay “%1”</source>
        <translation>Die Unterkunft „%1“</translation>
    </message>
</context>
<context>
    <name>tp::ui::TripEditor</name>
    <message>
        <source>Where to, and why?</source>
        <translation>Wohin und warum?</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>(no destination)</source>
        <translation>(kein Reiseziel)</translation>
    </message>
    <message>
        <source>Dest&amp;ination</source>
        <translation>R&amp;eiseziel</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Zeitraum</translation>
    </message>
    <message>
        <source>e.g. 2500.00</source>
        <translation>z. B. 2500.00</translation>
    </message>
    <message>
        <source>&amp;Budget</source>
        <translation>B&amp;udget</translation>
    </message>
    <message>
        <source>Tr&amp;avellers</source>
        <translation>&amp;Reisende</translation>
    </message>
    <message>
        <source>Set stat&amp;us:</source>
        <translation>Status &amp;festlegen:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Desc&amp;ription</source>
        <translation>Beschreibu&amp;ng</translation>
    </message>
    <message>
        <source>Discard c&amp;hanges</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Reiseziel</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Travellers</source>
        <translation>Reisende</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>New trip</source>
        <translation>Neue Reise</translation>
    </message>
    <message>
        <source>Edit trip</source>
        <translation>Reise bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Create trip</source>
        <translation>Reise an&amp;legen</translation>
    </message>
    <message>
        <source> (now)</source>
        <translation> (aktuell)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>bevorstehend</translation>
    </message>
    <message>
        <source>past or under way</source>
        <translation>vergangen oder laufend</translation>
    </message>
    <message>
        <source>Cannot save: %1 %2</source>
        <translation>Speichern nicht möglich: %1 %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Keine Änderungen.</translation>
    </message>
</context>
<context>
    <name>tp::ui::itinerarytext</name>
    <message>
        <source>Travel</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Abreise</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Ankunft</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Check-out</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source> · night: %1</source>
        <translation> · Übernachtung: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::plan_files</name>
    <message>
        <source>Export to calendar</source>
        <translation>In Kalender exportieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message>
        <source>Not exported: %1 cannot be written (%2).</source>
        <translation>Nicht exportiert: %1 kann nicht geschrieben werden (%2).</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n events to %1.</source>
        <translation>
            <numerusform>%n Termin nach %1 exportiert.</numerusform>
            <numerusform>%n Termine nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in the calendar: %1</source>
        <translation>Nicht im Kalender: %1</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the itinerary (%n pages) to %1.</source>
        <translation>
            <numerusform>Reiseplan (%n Seite) in %1 gespeichert.</numerusform>
            <numerusform>Reiseplan (%n Seiten) in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import into the plan</source>
        <translation>In den Plan importieren</translation>
    </message>
    <message>
        <source>Calendars and places (*.ics *.gpx *.kml *.geojson *.json);;All files (*)</source>
        <translation>Kalender und Orte (*.ics *.gpx *.kml *.geojson *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>idea: %1</source>
        <translation>Idee: %1</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n features that are not single places</source>
        <translation>
            <numerusform>%n Objekt übersprungen, das kein einzelner Ort ist</numerusform>
            <numerusform>%n Objekte übersprungen, die keine einzelnen Orte sind</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no places to add.</source>
        <translation>%1 enthält keine Orte zum Hinzufügen.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n ideas from %1</source>
        <translation>
            <numerusform>%n Idee aus %1 importieren</numerusform>
            <numerusform>%n Ideen aus %1 importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>%1 holds no stays, legs or activities to add.</source>
        <translation>%1 enthält keine Unterkünfte, Strecken oder Aktivitäten zum Hinzufügen.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n items from %1</source>
        <translation>
            <numerusform>%n Element aus %1 importieren</numerusform>
            <numerusform>%n Elemente aus %1 importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>Recognised in %1:

%2

Add to the plan?</source>
        <translation>Erkannt in %1:

%2

Zum Plan hinzufügen?</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
</context>
</TS>
