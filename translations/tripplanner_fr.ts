<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>LegsEditor</name>
    <message>
        <source>Flight</source>
        <translation>Avion</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Train</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>Ferry</source>
        <translation>Ferry</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>Voiture</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Export</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson);;GPX (*.gpx)</source>
        <translation>GeoJSON (*.geojson);;GPX (*.gpx)</translation>
    </message>
    <message>
        <source>Made with Natural Earth</source>
        <translation>Réalisé avec Natural Earth</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Hébergements</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>Food and daily costs</source>
        <translation>Repas et frais courants</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Planning</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <source>AI Chat Active</source>
        <translation>Discussion avec le planificateur</translation>
    </message>
    <message>
        <source>Destination Selected</source>
        <translation>Destination choisie</translation>
    </message>
    <message>
        <source>Hotels Selected</source>
        <translation>Hébergements choisis</translation>
    </message>
    <message>
        <source>Flights Selected</source>
        <translation>Vols choisis</translation>
    </message>
    <message>
        <source>Activities Planned</source>
        <translation>Activités prévues</translation>
    </message>
    <message>
        <source>Itinerary Complete</source>
        <translation>Itinéraire terminé</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Destination Selection</source>
        <translation>Choix de la destination</translation>
    </message>
    <message>
        <source>Hotel/Accommodation Planning</source>
        <translation>Hébergement</translation>
    </message>
    <message>
        <source>Flight Planning</source>
        <translation>Vols</translation>
    </message>
    <message>
        <source>Activity Planning</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>Itinerary Building</source>
        <translation>Construction de l’itinéraire</translation>
    </message>
    <message>
        <source>Final Review</source>
        <translation>Vérification finale</translation>
    </message>
    <message>
        <source>Planning Completed</source>
        <translation>Planification terminée</translation>
    </message>
    <message>
        <source>Getting Initial Preferences</source>
        <translation>Recueil des préférences initiales</translation>
    </message>
    <message>
        <source>Generating Clarifying Questions</source>
        <translation>Préparation des questions complémentaires</translation>
    </message>
    <message>
        <source>Asking Clarification Questions</source>
        <translation>Questions complémentaires</translation>
    </message>
    <message>
        <source>Generating Destination Recommendations</source>
        <translation>Préparation des recommandations de destinations</translation>
    </message>
    <message>
        <source>Destinations Generated</source>
        <translation>Destinations proposées</translation>
    </message>
    <message>
        <source>User Committed to Destination</source>
        <translation>Destination retenue</translation>
    </message>
</context>
<context>
    <name>TripCommands</name>
    <message>
        <source>create “%1”</source>
        <translation>création de «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>edit “%1”</source>
        <translation>modification de «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>delete “%1”</source>
        <translation>suppression de «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>Restored “%1”.</source>
        <translation>Voyage «&#x202f;%1&#x202f;» restauré.</translation>
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
        <translation>Planifiez vos voyages, sur votre ordinateur ou sur PostgreSQL.</translation>
    </message>
    <message>
        <source>Open with the newest trip selected and VIEW shown: trips, conversation, planning, planning:STAGE (accommodation, flights, activities, itinerary, budget, finalization), suggest:STAGE (the planner&apos;s proposals for accommodation, activities, itinerary or budget), map, destinations or editor (the destination editor).</source>
        <translation>Ouvre l’application avec le voyage le plus récent sélectionné et la vue VIEW affichée&#x202f;: trips, conversation, planning, planning:STAGE (accommodation, flights, activities, itinerary, budget, finalization), suggest:STAGE (les propositions du planificateur pour accommodation, activities, itinerary ou budget), map, destinations ou editor (l’éditeur de destinations).</translation>
    </message>
    <message>
        <source>DATABASE_URL is not usable: %1
Using the local database file instead.</source>
        <translation>DATABASE_URL n’est pas utilisable&#x202f;: %1
Utilisation du fichier de base de données local à la place.</translation>
    </message>
</context>
<context>
    <name>tp::ActivityCategory</name>
    <message>
        <source>beach</source>
        <translation>plage</translation>
    </message>
    <message>
        <source>hike</source>
        <translation>randonnée</translation>
    </message>
    <message>
        <source>sightseeing</source>
        <translation>visites</translation>
    </message>
    <message>
        <source>tour</source>
        <translation>visite guidée</translation>
    </message>
    <message>
        <source>museum</source>
        <translation>musée</translation>
    </message>
    <message>
        <source>nature</source>
        <translation>nature</translation>
    </message>
    <message>
        <source>food</source>
        <translation>gastronomie</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>soirée</translation>
    </message>
    <message>
        <source>wellness</source>
        <translation>bien-être</translation>
    </message>
    <message>
        <source>travel</source>
        <translation>déplacement</translation>
    </message>
    <message>
        <source>arrival</source>
        <translation>arrivée</translation>
    </message>
    <message>
        <source>departure</source>
        <translation>départ</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>repos</translation>
    </message>
    <message>
        <source>explore</source>
        <translation>découverte</translation>
    </message>
</context>
<context>
    <name>tp::Catalogue</name>
    <message>
        <source>beaches and sea</source>
        <translation>les plages et la mer</translation>
    </message>
    <message>
        <source>mountains and hiking</source>
        <translation>la montagne et la randonnée</translation>
    </message>
    <message>
        <source>city life</source>
        <translation>la vie urbaine</translation>
    </message>
    <message>
        <source>culture and history</source>
        <translation>la culture et l’histoire</translation>
    </message>
    <message>
        <source>nature and wildlife</source>
        <translation>la nature et la faune</translation>
    </message>
    <message>
        <source>food</source>
        <translation>la gastronomie</translation>
    </message>
    <message>
        <source>nightlife</source>
        <translation>la vie nocturne</translation>
    </message>
    <message>
        <source>low prices</source>
        <translation>les petits prix</translation>
    </message>
    <message>
        <source>comfort and luxury</source>
        <translation>le confort et le luxe</translation>
    </message>
    <message>
        <source>Known for %1.</source>
        <translation>Destination réputée pour %1.</translation>
    </message>
</context>
<context>
    <name>tp::ConnectionErrors</name>
    <message>
        <source>The server name &quot;%1&quot; could not be found. Check the host in the connection settings and that you are online.</source>
        <translation>Le nom de serveur «&#x202f;%1&#x202f;» est introuvable. Vérifiez l’hôte dans les paramètres de connexion et assurez-vous d’être connecté à Internet.</translation>
    </message>
    <message>
        <source>Nothing accepted the connection at %1: the server is down or the port is wrong.</source>
        <translation>Aucun service n’a accepté la connexion sur %1&#x202f;: le serveur est arrêté ou le port est incorrect.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time. It may be starting up (a suspended Neon database takes a few seconds), or the network is blocking it.</source>
        <translation>Le serveur %1 n’a pas répondu à temps. Il est peut-être en cours de démarrage (une base de données Neon en veille met quelques secondes à se réveiller), ou le réseau le bloque.</translation>
    </message>
    <message>
        <source>The server at %1 rejected the user name or password for &quot;%2&quot;.</source>
        <translation>Le serveur %1 a refusé le nom d’utilisateur ou le mot de passe pour «&#x202f;%2&#x202f;».</translation>
    </message>
    <message>
        <source>The server at %1 accepts only encrypted connections: add ?sslmode=require to the URL.</source>
        <translation>Le serveur %1 n’accepte que les connexions chiffrées&#x202f;: ajoutez ?sslmode=require à l’URL.</translation>
    </message>
    <message>
        <source>The server at %1 does not offer TLS, but the URL requires it (sslmode).</source>
        <translation>Le serveur %1 ne propose pas TLS, mais l’URL l’exige (sslmode).</translation>
    </message>
    <message>
        <source>The server at %1 has no database named &quot;%2&quot;.</source>
        <translation>Le serveur %1 n’a aucune base de données nommée «&#x202f;%2&#x202f;».</translation>
    </message>
    <message>
        <source>The database file %1 cannot be opened for writing. Check that its folder exists and that you may write to it.</source>
        <translation>Le fichier de base de données %1 ne peut pas être ouvert en écriture. Vérifiez que son dossier existe et que vous avez le droit d’y écrire.</translation>
    </message>
    <message>
        <source>The database server at %1 is restarting (starting up, shutting down or recovering). Wait a moment and try again.</source>
        <translation>Le serveur de base de données %1 redémarre (démarrage, arrêt ou récupération en cours). Patientez un instant et réessayez.</translation>
    </message>
    <message>
        <source>The database server at %1 has no free connections. Try again in a moment, close other programs using it, or use a pooled endpoint.</source>
        <translation>Le serveur de base de données %1 n’a plus de connexions libres. Réessayez dans un instant, fermez les autres programmes qui l’utilisent ou utilisez un point d’accès mutualisé.</translation>
    </message>
    <message>
        <source>Cannot connect to the database at %1 (%2). Check the connection settings, or run `tripplanner-cli doctor`.</source>
        <translation>Impossible de se connecter à la base de données %1 (%2). Vérifiez les paramètres de connexion ou exécutez `tripplanner-cli doctor`.</translation>
    </message>
    <message>
        <source>This would duplicate something that already exists (%1). Change it, or edit the existing one.</source>
        <translation>Cela créerait un doublon d’un élément existant (%1). Modifiez votre saisie ou l’élément existant.</translation>
    </message>
    <message>
        <source>Another change to the same data happened at the same time. Try again.</source>
        <translation>Une autre modification des mêmes données a eu lieu au même moment. Réessayez.</translation>
    </message>
    <message>
        <source>The database refused a value (%1). Correct it and try again.</source>
        <translation>La base de données a refusé une valeur (%1). Corrigez-la et réessayez.</translation>
    </message>
    <message>
        <source>The database has no function where the app looks for it. Either the tables were never created (run `tripplanner-cli migrate`), or the connection looks in another schema: remove a search_path setting (options=-c search_path=… in the URL, or one set for the database user).</source>
        <translation>La base de données ne contient pas de fonction là où l’application la cherche. Soit les tables n’ont jamais été créées (exécutez `tripplanner-cli migrate`), soit la connexion cherche dans un autre schéma&#x202f;: supprimez tout réglage de search_path (options=-c search_path=… dans l’URL, ou réglage défini pour l’utilisateur de la base de données).</translation>
    </message>
    <message>
        <source>The database has no table where the app looks for it. Either the tables were never created (run `tripplanner-cli migrate`), or the connection looks in another schema: remove a search_path setting (options=-c search_path=… in the URL, or one set for the database user).</source>
        <translation>La base de données ne contient pas de table là où l’application la cherche. Soit les tables n’ont jamais été créées (exécutez `tripplanner-cli migrate`), soit la connexion cherche dans un autre schéma&#x202f;: supprimez tout réglage de search_path (options=-c search_path=… dans l’URL, ou réglage défini pour l’utilisateur de la base de données).</translation>
    </message>
    <message>
        <source>The database user may not do this (%1). Connect as the database&apos;s owner, or ask its administrator for the permission.</source>
        <translation>L’utilisateur de la base de données n’a pas le droit de faire cela (%1). Connectez-vous en tant que propriétaire de la base de données, ou demandez cette autorisation à son administrateur.</translation>
    </message>
    <message>
        <source>The database accepts no changes (a read-only server or user). Connect to the primary server, or as a user that may write.</source>
        <translation>La base de données n’accepte aucune modification (serveur ou utilisateur en lecture seule). Connectez-vous au serveur principal, ou avec un utilisateur autorisé à écrire.</translation>
    </message>
    <message>
        <source>The database cancelled the statement (it took too long, or was cancelled). Try again.</source>
        <translation>La base de données a annulé l’instruction (elle prenait trop de temps, ou a été annulée). Réessayez.</translation>
    </message>
    <message>
        <source>The database server is restarting. Wait a moment and try again.</source>
        <translation>Le serveur de base de données redémarre. Patientez un instant et réessayez.</translation>
    </message>
    <message>
        <source>The database server has no free connections. Try again in a moment.</source>
        <translation>Le serveur de base de données n’a plus de connexions libres. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The database server is out of resources (%1). Try again later, or ask its administrator.</source>
        <translation>Le serveur de base de données manque de ressources (%1). Réessayez plus tard, ou contactez son administrateur.</translation>
    </message>
    <message>
        <source>The database file is busy: another program is writing to it. Try again when it has finished.</source>
        <translation>Le fichier de base de données est occupé&#x202f;: un autre programme est en train d’y écrire. Réessayez lorsqu’il aura terminé.</translation>
    </message>
    <message>
        <source>The database file lacks part of the app&apos;s tables (%1). Run `tripplanner-cli migrate`, or open a file made by Trip Planner.</source>
        <translation>Il manque au fichier de base de données une partie des tables de l’application (%1). Exécutez `tripplanner-cli migrate`, ou ouvrez un fichier créé par Trip Planner.</translation>
    </message>
    <message>
        <source>The database file is read-only. Check that you may write to it and to its folder.</source>
        <translation>Le fichier de base de données est en lecture seule. Vérifiez que vous avez le droit d’écrire dans ce fichier et dans son dossier.</translation>
    </message>
    <message>
        <source>The disk holding the database file is full or failing. Free some space and try again.</source>
        <translation>Le disque contenant le fichier de base de données est plein ou défaillant. Libérez de l’espace et réessayez.</translation>
    </message>
    <message>
        <source>The file is not a usable database (it is damaged, or not a database). Restore a backup, or choose another file.</source>
        <translation>Ce fichier n’est pas une base de données utilisable (il est endommagé, ou ce n’est pas une base de données). Restaurez une sauvegarde, ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>The database reported an error (%1). Try again; if it persists, run `tripplanner-cli doctor`.</source>
        <translation>La base de données a signalé une erreur (%1). Réessayez&#x202f;; si le problème persiste, exécutez `tripplanner-cli doctor`.</translation>
    </message>
</context>
<context>
    <name>tp::ConnectionProbe</name>
    <message>
        <source>The test was cancelled.</source>
        <translation>Le test a été annulé.</translation>
    </message>
    <message>
        <source>the host name is a Neon pooler endpoint (&quot;-pooler&quot;)</source>
        <translation>le nom d’hôte désigne un point d’accès mutualisé de Neon («&#x202f;-pooler&#x202f;»)</translation>
    </message>
    <message>
        <source>the server listens on port %1, not on the port %2 of the URL (a connection pooler such as PgBouncer is in between)</source>
        <translation>le serveur écoute sur le port %1 et non sur le port %2 de l’URL (un pooler de connexions tel que PgBouncer se trouve entre les deux)</translation>
    </message>
    <message>
        <source>The Qt SQL driver %1 is not installed.</source>
        <translation>Le pilote SQL Qt %1 n’est pas installé.</translation>
    </message>
    <message>
        <source>SQLite (the file will be created on first use)</source>
        <translation>SQLite (le fichier sera créé à la première utilisation)</translation>
    </message>
    <message>
        <source>Schema: unknown.</source>
        <translation>Schéma&#x202f;: inconnu.</translation>
    </message>
    <message>
        <source>Schema: could not be read (%1).</source>
        <translation>Schéma&#x202f;: illisible (%1).</translation>
    </message>
    <message>
        <source>Schema: the database is empty; the app will create its tables.</source>
        <translation>Schéma&#x202f;: la base de données est vide&#x202f;; l’application va créer ses tables.</translation>
    </message>
    <message>
        <source>Schema: up to date (version %1).</source>
        <translation>Schéma&#x202f;: à jour (version %1).</translation>
    </message>
    <message numerus="yes">
        <source>Schema: older than this app (version %1 of %2, %n migrations pending); it can be migrated now.</source>
        <translation>
            <numerusform>Schéma&#x202f;: plus ancien que cette application (version %1 sur %2, %n migration en attente)&#x202f;; il peut être migré maintenant.</numerusform>
            <numerusform>Schéma&#x202f;: plus ancien que cette application (version %1 sur %2, %n migrations en attente)&#x202f;; il peut être migré maintenant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Schema: newer than this app (version %1, this app knows up to %2); the app refuses to use it. Update the app.</source>
        <translation>Schéma&#x202f;: plus récent que cette application (version %1, cette application gère jusqu’à la version %2)&#x202f;; l’application refuse de l’utiliser. Mettez l’application à jour.</translation>
    </message>
    <message>
        <source>Schema: made by the web app (Django); the app will adopt it and add its own tables.</source>
        <translation>Schéma&#x202f;: créé par l’application web (Django)&#x202f;; l’application va le reprendre et y ajouter ses propres tables.</translation>
    </message>
    <message>
        <source>Schema: the database holds tables that this app did not create.</source>
        <translation>Schéma&#x202f;: la base de données contient des tables que cette application n’a pas créées.</translation>
    </message>
    <message>
        <source>Not reachable. %1</source>
        <translation>Injoignable. %1</translation>
    </message>
    <message>
        <source>Connected: %1.</source>
        <translation>Connecté&#x202f;: %1.</translation>
    </message>
    <message>
        <source>TLS: on (the connection is encrypted).</source>
        <translation>TLS&#x202f;: activé (la connexion est chiffrée).</translation>
    </message>
    <message>
        <source>TLS: off (the connection is not encrypted).</source>
        <translation>TLS&#x202f;: désactivé (la connexion n’est pas chiffrée).</translation>
    </message>
    <message>
        <source>Endpoint: pooled, because %1.</source>
        <translation>Point d’accès&#x202f;: via un pool de connexions, car %1.</translation>
    </message>
    <message>
        <source>Endpoint: direct.</source>
        <translation>Point d’accès&#x202f;: direct.</translation>
    </message>
    <message>
        <source>Round trip: %1 ms (connecting took %2 ms).</source>
        <translation>Aller-retour&#x202f;: %1&#xa0;ms (connexion en %2&#xa0;ms).</translation>
    </message>
</context>
<context>
    <name>tp::Conversation</name>
    <message>
        <source>The planner&apos;s coordinates for %1 looked wrong (%2) and were not kept; the offline gazetteer&apos;s position for %3, %4 is used instead.</source>
        <translation>Les coordonnées fournies par le planificateur pour %1 semblaient erronées (%2) et n’ont pas été conservées&#x202f;; la position de %3, %4 issue du répertoire géographique hors ligne est utilisée à la place.</translation>
    </message>
    <message>
        <source>The planner&apos;s coordinates for %1 looked wrong (%2) and were not kept.</source>
        <translation>Les coordonnées fournies par le planificateur pour %1 semblaient erronées (%2) et n’ont pas été conservées.</translation>
    </message>
    <message>
        <source>Here are three destinations that fit what you told me:</source>
        <translation>Voici trois destinations qui correspondent à ce que vous m’avez dit&#x202f;:</translation>
    </message>
    <message>
        <source>Ask me about any of them, ask for different options, or say &quot;let&apos;s go with&quot; and a name to choose.</source>
        <translation>Posez-moi des questions sur l’une d’elles, demandez d’autres options, ou dites «&#x202f;je choisis&#x202f;» suivi d’un nom pour faire votre choix.</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Saisissez d’abord un message.</translation>
    </message>
    <message>
        <source>The planner asked no questions.</source>
        <translation>Le planificateur n’a posé aucune question.</translation>
    </message>
    <message>
        <source>Thanks! To find the right places for you I have %1 quick questions.

(1/%1) %2</source>
        <translation>Merci&#x202f;! Pour trouver les endroits qui vous conviennent, j’ai %1 petites questions à vous poser.

(1/%1) %2</translation>
    </message>
    <message>
        <source>The planner chose a destination it had not recommended.</source>
        <translation>Le planificateur a choisi une destination qu’il n’avait pas recommandée.</translation>
    </message>
    <message>
        <source>Great choice: %1 it is!</source>
        <translation>Excellent choix&#x202f;: ce sera %1&#x202f;!</translation>
    </message>
    <message>
        <source>The planner&apos;s reply was empty.</source>
        <translation>La réponse du planificateur était vide.</translation>
    </message>
    <message>
        <source>There are no recommendations to choose from yet.</source>
        <translation>Il n’y a pas encore de recommandations parmi lesquelles choisir.</translation>
    </message>
    <message>
        <source>Choose one of the %1 recommendations.</source>
        <translation>Choisissez l’une des %1 recommandations.</translation>
    </message>
    <message>
        <source>Let&apos;s go with %1.</source>
        <translation>Je choisis %1.</translation>
    </message>
    <message>
        <source>Great choice: %1 it is! I&apos;ve set it as your trip&apos;s destination. Next up: where to stay.</source>
        <translation>Excellent choix&#x202f;: ce sera %1&#x202f;! Je l’ai définie comme destination de votre voyage. Prochaine étape&#x202f;: l’hébergement.</translation>
    </message>
    <message>
        <source>The planner did not say which country %1 is in, so it cannot be saved as the destination. Ask about it or choose another.</source>
        <translation>Le planificateur n’a pas indiqué dans quel pays se trouve %1&#x202f;: cette destination ne peut donc pas être enregistrée. Posez-lui la question ou choisissez-en une autre.</translation>
    </message>
    <message>
        <source>This conversation was changed elsewhere (another window or app) since it was loaded. Reload it and try again.</source>
        <translation>Cette conversation a été modifiée ailleurs (dans une autre fenêtre ou application) depuis son chargement. Rechargez-la et réessayez.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the reply was being saved, and it cannot be checked now whether it was saved. Reload the conversation before sending it again.</source>
        <translation>La connexion à la base de données a été perdue pendant l’enregistrement de la réponse, et il est impossible de vérifier pour l’instant si elle a été enregistrée. Rechargez la conversation avant de renvoyer votre message.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the reply was being saved; it was not saved. Try again.</source>
        <translation>La connexion à la base de données a été perdue pendant l’enregistrement de la réponse&#x202f;; elle n’a pas été enregistrée. Réessayez.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it contained no questions.</source>
        <translation>La réponse du planificateur est inutilisable&#x202f;: elle ne contenait aucune question.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: no JSON with destinations was found in it.</source>
        <translation>La réponse du planificateur est inutilisable&#x202f;: aucun JSON contenant des destinations n’y a été trouvé.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it named no destinations.</source>
        <translation>La réponse du planificateur est inutilisable&#x202f;: elle ne citait aucune destination.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it named only %1 destination(s) instead of 3.</source>
        <translation>La réponse du planificateur est inutilisable&#x202f;: elle ne citait que %1 destination(s) au lieu de 3.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: no JSON object was found in it.</source>
        <translation>La réponse du planificateur est inutilisable&#x202f;: aucun objet JSON n’y a été trouvé.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it had no reply text.</source>
        <translation>La réponse du planificateur est inutilisable&#x202f;: elle ne contenait aucun texte de réponse.</translation>
    </message>
</context>
<context>
    <name>tp::CoordinateSource</name>
    <message>
        <source>typed in</source>
        <translation>saisies à la main</translation>
    </message>
    <message>
        <source>picked on the map</source>
        <translation>choisies sur la carte</translation>
    </message>
    <message>
        <source>the offline gazetteer</source>
        <translation>le répertoire géographique hors ligne</translation>
    </message>
    <message>
        <source>the centre of the country</source>
        <translation>le centre du pays</translation>
    </message>
    <message>
        <source>OpenStreetMap Nominatim</source>
        <translation>OpenStreetMap Nominatim</translation>
    </message>
    <message>
        <source>the AI planner</source>
        <translation>le planificateur IA</translation>
    </message>
    <message>
        <source>the bundled catalogue</source>
        <translation>le catalogue intégré</translation>
    </message>
</context>
<context>
    <name>tp::Database</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>L’opération a été annulée.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database file.</source>
        <translation>Impossible de créer le dossier %1 pour le fichier de base de données.</translation>
    </message>
    <message>
        <source>The connection to the database was lost during this change; nothing of it was saved. Try again.</source>
        <translation>La connexion à la base de données a été perdue pendant cette modification&#x202f;; rien n’en a été enregistré. Réessayez.</translation>
    </message>
    <message>
        <source>The operation was cancelled; nothing of it was saved.</source>
        <translation>L’opération a été annulée&#x202f;; rien n’en a été enregistré.</translation>
    </message>
    <message>
        <source>The connection to the database was lost. Try again.</source>
        <translation>La connexion à la base de données a été perdue. Réessayez.</translation>
    </message>
    <message>
        <source>The database took longer than %1 s over this and stopped it. Try again; if it happens every time, the server is overloaded or the data much larger than usual.</source>
        <translation>La base de données a mis plus de %1&#xa0;s à traiter cette opération et l’a interrompue. Réessayez&#x202f;; si cela se produit à chaque fois, le serveur est surchargé ou les données sont bien plus volumineuses que d’habitude.</translation>
    </message>
    <message>
        <source>Another program or window is changing the same data and kept it locked for more than %1 s. Try again in a moment.</source>
        <translation>Un autre programme ou une autre fenêtre modifie les mêmes données et les a verrouillées pendant plus de %1&#xa0;s. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The change was not saved: one of its steps was refused by the database.</source>
        <translation>La modification n’a pas été enregistrée&#x202f;: l’une de ses étapes a été refusée par la base de données.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the change was being saved, so it is not known whether it was saved. Look at the data again before repeating it.</source>
        <translation>La connexion à la base de données a été perdue pendant l’enregistrement de la modification&#x202f;: on ne sait donc pas si elle a été enregistrée. Vérifiez à nouveau les données avant de la refaire.</translation>
    </message>
    <message>
        <source>Out of memory while connecting to the database.</source>
        <translation>Mémoire insuffisante lors de la connexion à la base de données.</translation>
    </message>
    <message>
        <source>Connecting to the database was cancelled.</source>
        <translation>La connexion à la base de données a été annulée.</translation>
    </message>
    <message>
        <source>The database server refused to show dates in ISO form: %1</source>
        <translation>Le serveur de base de données a refusé d’afficher les dates au format ISO&#x202f;: %1</translation>
    </message>
    <message>
        <source>The connection to the database was lost.</source>
        <translation>La connexion à la base de données a été perdue.</translation>
    </message>
    <message>
        <source>An earlier statement of the same exchange failed.</source>
        <translation>Une instruction précédente du même échange a échoué.</translation>
    </message>
    <message>
        <source>internal: no value bound for :%1</source>
        <translation>erreur interne&#x202f;: aucune valeur liée à :%1</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseLocation</name>
    <message>
        <source>Database URL: expected a postgresql:// URL</source>
        <translation>URL de la base de données&#x202f;: URL postgresql:// attendue</translation>
    </message>
    <message>
        <source>No database password is stored in the keychain for profile &quot;%1&quot;.</source>
        <translation>Aucun mot de passe de base de données n’est enregistré dans le trousseau pour le profil «&#x202f;%1&#x202f;».</translation>
    </message>
    <message>
        <source>The database password could not be read: %1</source>
        <translation>Le mot de passe de la base de données n’a pas pu être lu&#x202f;: %1</translation>
    </message>
    <message>
        <source>The new location is the current file.</source>
        <translation>Le nouvel emplacement est le fichier actuel.</translation>
    </message>
    <message>
        <source>There is no database file at %1.</source>
        <translation>Il n’y a aucun fichier de base de données à l’emplacement %1.</translation>
    </message>
    <message>
        <source>A file already exists at %1; choose another name.</source>
        <translation>Un fichier existe déjà à l’emplacement %1&#x202f;; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The database file has an unfinished transaction (a -journal file); open the app once more and close it, then try again.</source>
        <translation>Le fichier de base de données comporte une transaction inachevée (un fichier -journal)&#x202f;; ouvrez et refermez l’application une fois, puis réessayez.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot write to %1 (is the disk full or the folder read-only?).</source>
        <translation>Impossible d’écrire dans %1 (le disque est-il plein ou le dossier en lecture seule&#x202f;?).</translation>
    </message>
    <message>
        <source>The copy failed its integrity check; the original is unchanged.</source>
        <translation>La copie n’a pas passé le contrôle d’intégrité&#x202f;; l’original est inchangé.</translation>
    </message>
    <message>
        <source>The copy could not be opened (%1); the original is unchanged.</source>
        <translation>La copie n’a pas pu être ouverte (%1)&#x202f;; l’original est inchangé.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>Impossible de créer %1.</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseService</name>
    <message>
        <source>Trip Planner ran into an internal error and could not finish this action; any change it was making was rolled back. Try again, and if it happens again please report it.</source>
        <translation>Trip Planner a rencontré une erreur interne et n’a pas pu terminer cette action&#x202f;; toute modification en cours a été annulée. Réessayez et, si le problème se reproduit, veuillez le signaler.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion en cours</translation>
    </message>
    <message>
        <source>Updating schema</source>
        <translation>Mise à jour du schéma</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconnexion en cours</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>The database is not connected.</source>
        <translation>La base de données n’est pas connectée.</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseUrl</name>
    <message>
        <source>Characters such as @ : / # ? % or a space in the user name or password must be percent-encoded (%40 for @, %23 for #, %2F for /, %3F for ?, %25 for %).</source>
        <translation>Les caractères tels que @ : / # ? % ou une espace dans le nom d’utilisateur ou le mot de passe doivent être encodés en pourcentage (%40 pour @, %23 pour #, %2F pour /, %3F pour ?, %25 pour %).</translation>
    </message>
    <message>
        <source>Database URL: the port is not a number between 1 and 65535. %1</source>
        <translation>URL de la base de données&#x202f;: le port n’est pas un nombre compris entre 1 et 65535. %1</translation>
    </message>
    <message>
        <source>Database URL: the host name has a character that is not allowed. %1</source>
        <translation>URL de la base de données&#x202f;: le nom d’hôte contient un caractère non autorisé. %1</translation>
    </message>
    <message>
        <source>Database URL: the user name or password has a character that is not allowed. %1</source>
        <translation>URL de la base de données&#x202f;: le nom d’utilisateur ou le mot de passe contient un caractère non autorisé. %1</translation>
    </message>
    <message>
        <source>Database URL: the database name has a character that is not allowed (a space, for example). %1</source>
        <translation>URL de la base de données&#x202f;: le nom de la base de données contient un caractère non autorisé (une espace, par exemple). %1</translation>
    </message>
    <message>
        <source>Database URL: the parameters after &apos;?&apos; have a character that is not allowed. %1</source>
        <translation>URL de la base de données&#x202f;: les paramètres après «&#x202f;?&#x202f;» contiennent un caractère non autorisé. %1</translation>
    </message>
    <message>
        <source>Database URL: it contains &apos;#&apos;. %1</source>
        <translation>URL de la base de données&#x202f;: elle contient «&#x202f;#&#x202f;». %1</translation>
    </message>
    <message>
        <source>Database URL: it is not a valid URL. %1</source>
        <translation>URL de la base de données&#x202f;: ce n’est pas une URL valide. %1</translation>
    </message>
    <message>
        <source>Database URL: it is empty</source>
        <translation>URL de la base de données&#x202f;: elle est vide</translation>
    </message>
    <message>
        <source>Database URL: it is too long</source>
        <translation>URL de la base de données&#x202f;: elle est trop longue</translation>
    </message>
    <message>
        <source>Database URL: expected a URL starting with postgresql:// or sqlite:///</source>
        <translation>URL de la base de données&#x202f;: URL commençant par postgresql:// ou sqlite:/// attendue</translation>
    </message>
    <message>
        <source>Database URL: a SQLite URL names a file: sqlite:///relative/path or sqlite:////absolute/path</source>
        <translation>URL de la base de données&#x202f;: une URL SQLite désigne un fichier&#x202f;: sqlite:///chemin/relatif ou sqlite:////chemin/absolu</translation>
    </message>
    <message>
        <source>Database URL: unsupported scheme &quot;%1&quot; (use postgresql:// or sqlite:///)</source>
        <translation>URL de la base de données&#x202f;: schéma «&#x202f;%1&#x202f;» non pris en charge (utilisez postgresql:// ou sqlite:///)</translation>
    </message>
    <message>
        <source>Database URL: the host name is missing</source>
        <translation>URL de la base de données&#x202f;: le nom d’hôte est manquant</translation>
    </message>
    <message>
        <source>Database URL: the port must be between 1 and 65535</source>
        <translation>URL de la base de données&#x202f;: le port doit être compris entre 1 et 65535</translation>
    </message>
    <message>
        <source>Database URL: the database name is missing (…/dbname after the host)</source>
        <translation>URL de la base de données&#x202f;: le nom de la base de données est manquant (…/nom_de_la_base après l’hôte)</translation>
    </message>
    <message>
        <source>Database URL: the database name must not contain &apos;/&apos;. %1</source>
        <translation>URL de la base de données&#x202f;: le nom de la base de données ne doit pas contenir «&#x202f;/&#x202f;». %1</translation>
    </message>
    <message>
        <source>Database URL: the database name must not contain &apos;@&apos;. %1</source>
        <translation>URL de la base de données&#x202f;: le nom de la base de données ne doit pas contenir «&#x202f;@&#x202f;». %1</translation>
    </message>
    <message>
        <source>Database URL: unknown parameter &quot;%1&quot;</source>
        <translation>URL de la base de données&#x202f;: paramètre inconnu «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>Database URL: it has a parameter that is not a libpq keyword</source>
        <translation>URL de la base de données&#x202f;: elle contient un paramètre qui n’est pas un mot-clé libpq</translation>
    </message>
    <message>
        <source>Database URL: sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full</source>
        <translation>URL de la base de données&#x202f;: sslmode doit valoir disable, allow, prefer, require, verify-ca ou verify-full</translation>
    </message>
    <message>
        <source>Database URL: %1 must be a whole number of seconds</source>
        <translation>URL de la base de données&#x202f;: %1 doit être un nombre entier de secondes</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseWorker</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Updating the database schema (%1 steps)…</source>
        <translation>Mise à jour du schéma de la base de données (%1 étapes)…</translation>
    </message>
    <message>
        <source>Updating the database schema: statement %1 (%2 migrations)</source>
        <translation>Mise à jour du schéma de la base de données&#x202f;: instruction %1 (%2 migrations)</translation>
    </message>
    <message>
        <source>The database could not be opened (unexpected failure).</source>
        <translation>La base de données n’a pas pu être ouverte (échec inattendu).</translation>
    </message>
    <message>
        <source>The database did not answer (unexpected failure).</source>
        <translation>La base de données n’a pas répondu (échec inattendu).</translation>
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
        <translation>Nom</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Best time to visit</source>
        <translation>Meilleure période</translation>
    </message>
    <message>
        <source>Cost per day</source>
        <translation>Coût par jour</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Coordonnées</translation>
    </message>
</context>
<context>
    <name>tp::MessageListModel</name>
    <message>
        <source>You: %1</source>
        <translation>Vous&#x202f;: %1</translation>
    </message>
    <message>
        <source>Planner: %1</source>
        <translation>Planificateur&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>tp::Migrator</name>
    <message>
        <source>This SQLite file holds trip tables that this app did not create; it cannot adopt them. Use a new file, or point the app at the PostgreSQL database the web app uses.</source>
        <translation>Ce fichier SQLite contient des tables de voyages que cette application n’a pas créées&#x202f;; elle ne peut pas les reprendre. Utilisez un nouveau fichier, ou faites pointer l’application vers la base de données PostgreSQL qu’utilise l’application web.</translation>
    </message>
    <message>
        <source>table %1 is missing</source>
        <translation>la table %1 est manquante</translation>
    </message>
    <message>
        <source>column %1.%2 is missing</source>
        <translation>la colonne %1.%2 est manquante</translation>
    </message>
    <message>
        <source>The database has trip tables that do not match the web app&apos;s schema, so they were left untouched: %1</source>
        <extracomment>%1: the problems found (&quot;table api_trip is missing; column api_trip.title is missing&quot;).</extracomment>
        <translation>La base de données contient des tables de voyages qui ne correspondent pas au schéma de l’application web&#x202f;; elles n’ont donc pas été modifiées&#x202f;: %1</translation>
    </message>
    <message>
        <source>The database schema is at version %1, newer than this version of Trip Planner understands (%2). Update Trip Planner; the database was left untouched.</source>
        <translation>Le schéma de la base de données est à la version %1, plus récente que celles que cette version de Trip Planner comprend (%2). Mettez à jour Trip Planner&#x202f;; la base de données n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>-- %1 (adopted: the web app already created these tables)</source>
        <extracomment>A comment line in the SQL a dry run prints: keep the leading &quot;-- &quot;. %1: the migration&apos;s name.</extracomment>
        <translation>-- %1 (reprise&#x202f;: l’application web a déjà créé ces tables)</translation>
    </message>
</context>
<context>
    <name>tp::OfflinePlanner</name>
    <message>
        <source>What&apos;s your budget for the trip (in total or per day, and in which currency)?</source>
        <translation>Quel est votre budget pour ce voyage (au total ou par jour, et dans quelle devise)&#x202f;?</translation>
    </message>
    <message>
        <source>When would you like to travel: which month or season?</source>
        <translation>Quand aimeriez-vous partir&#x202f;: quel mois ou quelle saison&#x202f;?</translation>
    </message>
    <message>
        <source>How many days will the trip last?</source>
        <translation>Combien de jours durera le voyage&#x202f;?</translation>
    </message>
    <message>
        <source>Who is travelling: how many people, and any children?</source>
        <translation>Qui part en voyage&#x202f;: combien de personnes, et y a-t-il des enfants&#x202f;?</translation>
    </message>
    <message>
        <source>What do you enjoy most on a trip: beaches, mountains and hiking, cities, culture and history, nature and wildlife, food, or nightlife?</source>
        <translation>Qu’aimez-vous le plus en voyage&#x202f;: les plages, la montagne et la randonnée, les villes, la culture et l’histoire, la nature et la faune, la gastronomie ou la vie nocturne&#x202f;?</translation>
    </message>
    <message>
        <source>Do you prefer comfort and a bit of luxury, or keeping costs low?</source>
        <translation>Préférez-vous le confort et un peu de luxe, ou limiter les dépenses&#x202f;?</translation>
    </message>
    <message>
        <source>Is there anything you&apos;d rather avoid (long flights, cold weather, crowds)?</source>
        <translation>Y a-t-il quelque chose que vous préférez éviter (longs vols, froid, foule)&#x202f;?</translation>
    </message>
    <message>
        <source>Where will you be starting from (your home city), so I can keep the journey short?</source>
        <translation>D’où partirez-vous (votre ville de résidence)&#x202f;? Je pourrai ainsi limiter la durée du trajet.</translation>
    </message>
    <message>
        <source>beaches</source>
        <translation>les plages</translation>
    </message>
    <message>
        <source>mountains</source>
        <translation>la montagne</translation>
    </message>
    <message>
        <source>cities</source>
        <translation>les villes</translation>
    </message>
    <message>
        <source>museums and sights</source>
        <translation>les musées et les sites touristiques</translation>
    </message>
    <message>
        <source>the outdoors</source>
        <translation>les activités de plein air</translation>
    </message>
    <message>
        <source>food trips</source>
        <translation>les séjours gastronomiques</translation>
    </message>
    <message>
        <source>nightlife</source>
        <translation>la vie nocturne</translation>
    </message>
    <message>
        <source>luxury</source>
        <translation>le luxe</translation>
    </message>
    <message>
        <source>budget places</source>
        <translation>les destinations bon marché</translation>
    </message>
    <message>
        <source>crowded places</source>
        <translation>les lieux très fréquentés</translation>
    </message>
    <message>
        <source>very hot places</source>
        <translation>les lieux très chauds</translation>
    </message>
    <message>
        <source>cold places</source>
        <translation>les lieux froids</translation>
    </message>
    <message>
        <source>about $%1 a day per person</source>
        <translation>environ %1&#xa0;$ par jour et par personne</translation>
    </message>
    <message>
        <source>Have you been anywhere you loved (or didn&apos;t) that I should know about?</source>
        <translation>Y a-t-il un endroit que vous avez adoré (ou pas du tout) et que je devrais connaître&#x202f;?</translation>
    </message>
    <message>
        <source>Good for %1.</source>
        <translation>Un bon choix pour %1.</translation>
    </message>
    <message>
        <source>Best time to visit: %1.</source>
        <translation>Meilleure période&#x202f;: %1.</translation>
    </message>
    <message>
        <source>Typical cost: %1.</source>
        <translation>Coût habituel&#x202f;: %1.</translation>
    </message>
    <message>
        <source>Typical cost: %1, within your budget.</source>
        <translation>Coût habituel&#x202f;: %1, dans votre budget.</translation>
    </message>
    <message>
        <source>Typical cost: %1, above your budget.</source>
        <translation>Coût habituel&#x202f;: %1, au-dessus de votre budget.</translation>
    </message>
    <message>
        <source>About %1 km from %2 as the crow flies.</source>
        <translation>Distance à vol d’oiseau depuis %2&#x202f;: environ %1&#xa0;km.</translation>
    </message>
    <message>
        <source>About %1 km from %2 as the crow flies, farther than you wanted.</source>
        <translation>Distance à vol d’oiseau depuis %2&#x202f;: environ %1&#xa0;km, plus loin que vous ne le souhaitiez.</translation>
    </message>
    <message>
        <source>The built-in catalogue has no more destinations to suggest.</source>
        <translation>Le catalogue intégré n’a plus d’autres destinations à proposer.</translation>
    </message>
    <message>
        <source>Here are three destinations you might like.</source>
        <translation>Voici trois destinations qui pourraient vous plaire.</translation>
    </message>
    <message>
        <source>Based on what you told me (%1), here are three destinations.</source>
        <translation>D’après ce que vous m’avez dit (%1), voici trois destinations.</translation>
    </message>
    <message>
        <source>You didn&apos;t say what you enjoy on this trip, so I went by your earlier trips.</source>
        <translation>Vous n’avez pas précisé ce que vous aimez pour ce voyage&#x202f;: je me suis donc basé sur vos voyages précédents.</translation>
    </message>
    <message>
        <source>Starting from %1, I kept to places within about %2 km as the crow flies (%3).</source>
        <translation>Depuis %1, je m’en suis tenu à des lieux situés dans un rayon d’environ %2&#xa0;km à vol d’oiseau (%3).</translation>
    </message>
    <message>
        <source>You&apos;d like to keep the journey short (%1), but I don&apos;t know where you start from, so I couldn&apos;t rule places out by distance: tell me your home city and ask for different options.</source>
        <translation>Vous souhaitez limiter la durée du trajet (%1), mais je ne sais pas d’où vous partez&#x202f;: je n’ai donc pas pu écarter de lieux en fonction de la distance. Indiquez-moi votre ville de résidence et demandez d’autres options.</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 ou %2</translation>
    </message>
    <message>
        <source>I kept to %1.</source>
        <translation>Je m’en suis tenu à la zone souhaitée&#x202f;: %1.</translation>
    </message>
    <message>
        <source>Only %1 of the places I know fit within that; the rest are the nearest beyond it.</source>
        <translation>Je ne connais que %1 lieu(x) respectant cette limite&#x202f;; les autres sont les plus proches au-delà.</translation>
    </message>
    <message>
        <source>I left out %1 as far as I could.</source>
        <translation>J’ai écarté autant que possible %1.</translation>
    </message>
    <message>
        <source>Here are three other ideas.</source>
        <translation>Voici trois autres idées.</translation>
    </message>
    <message>
        <source>Great choice: %1 it is! I&apos;ve set it as your trip&apos;s destination. Next up: where to stay.</source>
        <translation>Excellent choix&#x202f;: ce sera %1&#x202f;! Je l’ai définie comme destination de votre voyage. Prochaine étape&#x202f;: l’hébergement.</translation>
    </message>
    <message>
        <source>Thanks, noted. Here are three ideas that take that into account.</source>
        <translation>Merci, c’est noté. Voici trois idées qui en tiennent compte.</translation>
    </message>
    <message>
        <source>Say &quot;let&apos;s go with %1&quot; to choose it, or ask for different options.</source>
        <translation>Dites «&#x202f;je choisis %1&#x202f;» pour la choisir, ou demandez d’autres options.</translation>
    </message>
    <message>
        <source>Tell me a little more about the trip you have in mind.</source>
        <translation>Dites-m’en un peu plus sur le voyage que vous envisagez.</translation>
    </message>
    <message>
        <source>I can tell you more about %1, or suggest different options. When you&apos;ve decided, say &quot;let&apos;s go with&quot; and the name.</source>
        <translation>Je peux vous en dire plus sur %1, ou vous suggérer d’autres options. Quand vous aurez décidé, dites «&#x202f;je choisis&#x202f;» suivi du nom.</translation>
    </message>
    <message>
        <source>by train</source>
        <translation>en train</translation>
    </message>
    <message>
        <source>by car</source>
        <translation>en voiture</translation>
    </message>
    <message>
        <source>by bus</source>
        <translation>en bus</translation>
    </message>
    <message>
        <source>flying</source>
        <translation>en avion</translation>
    </message>
    <message numerus="yes">
        <source>at most %n hours %1</source>
        <translation>
            <numerusform>au plus %n heure %1</numerusform>
            <numerusform>au plus %n heures %1</numerusform>
        </translation>
    </message>
    <message>
        <source>at most %1 hours %2</source>
        <translation>au plus %1&#xa0;h %2</translation>
    </message>
    <message>
        <source>within %1 %2</source>
        <translation>dans un rayon de %1 %2</translation>
    </message>
    <message>
        <source>no long flights: about 5 hours&apos; flying at most</source>
        <translation>pas de longs vols&#x202f;: environ 5 heures de vol au plus</translation>
    </message>
    <message>
        <source>a short flight: about 3 hours at most</source>
        <translation>un vol court&#x202f;: environ 3 heures au plus</translation>
    </message>
    <message>
        <source>not too far</source>
        <translation>pas trop loin</translation>
    </message>
    <message>
        <source>no flying: a day by train or car</source>
        <translation>pas d’avion&#x202f;: une journée de train ou de voiture</translation>
    </message>
    <message>
        <source>travelling %1: a day&apos;s journey</source>
        <translation>voyage %1&#x202f;: une journée de trajet</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europe</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Asie</translation>
    </message>
    <message>
        <source>Southeast Asia</source>
        <translation>Asie du Sud-Est</translation>
    </message>
    <message>
        <source>the Middle East</source>
        <translation>Moyen-Orient</translation>
    </message>
    <message>
        <source>Africa</source>
        <translation>Afrique</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Amérique du Nord</translation>
    </message>
    <message>
        <source>Central America</source>
        <translation>Amérique centrale</translation>
    </message>
    <message>
        <source>the Caribbean</source>
        <translation>Caraïbes</translation>
    </message>
    <message>
        <source>South America</source>
        <translation>Amérique du Sud</translation>
    </message>
    <message>
        <source>Latin America</source>
        <translation>Amérique latine</translation>
    </message>
    <message>
        <source>Oceania</source>
        <translation>Océanie</translation>
    </message>
    <message>
        <source>Scandinavia</source>
        <translation>Scandinavie</translation>
    </message>
    <message>
        <source>the Mediterranean</source>
        <translation>Méditerranée</translation>
    </message>
</context>
<context>
    <name>tp::Plan</name>
    <message>
        <source>No exchange rate for %1 to %2: costs in %1 are left out of the totals.</source>
        <translation>Aucun taux de change de %1 vers %2&#x202f;: les coûts en %1 ne sont pas inclus dans les totaux.</translation>
    </message>
    <message>
        <source>Choose a home currency to add up the costs.</source>
        <translation>Choisissez une devise de référence pour additionner les coûts.</translation>
    </message>
    <message>
        <source>%1 a day × %2 travellers × %3 days</source>
        <translation>%1 par jour × %2 voyageurs × %3 jours</translation>
    </message>
    <message>
        <source>The destination has no average cost per day: food and daily costs are not estimated.</source>
        <translation>La destination n’a pas de coût moyen par jour&#x202f;: les repas et frais courants ne sont pas estimés.</translation>
    </message>
    <message>
        <source>The trip has no dates: food and daily costs are not estimated.</source>
        <translation>Le voyage n’a pas de dates&#x202f;: les repas et frais courants ne sont pas estimés.</translation>
    </message>
    <message>
        <source>The stay “%1” has no dates.</source>
        <translation>L’hébergement «&#x202f;%1&#x202f;» n’a pas de dates.</translation>
    </message>
    <message>
        <source>The leg “%1” has no departure date.</source>
        <translation>Le trajet «&#x202f;%1&#x202f;» n’a pas de date de départ.</translation>
    </message>
    <message>
        <source>“%1” and “%2” overlap (%3–%4 and %5–%6)</source>
        <translation>«&#x202f;%1&#x202f;» et «&#x202f;%2&#x202f;» se chevauchent (%3–%4 et %5–%6)</translation>
    </message>
    <message>
        <source>A %1 journey and %2 activities on the same day</source>
        <translation>Un trajet de %1 et %2 activités le même jour</translation>
    </message>
    <message>
        <source>“%1” is %2 km from “%3”, where you stay that night</source>
        <translation>«&#x202f;%1&#x202f;» est à %2&#xa0;km de «&#x202f;%3&#x202f;», votre hébergement cette nuit-là</translation>
    </message>
    <message>
        <source>Nothing planned on this day</source>
        <translation>Rien de prévu ce jour-là</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1&#xa0;h %2&#xa0;min</translation>
    </message>
    <message>
        <source>This trip&apos;s plan was saved by a newer version of Trip Planner (plan format %1; this version reads %2). Update Trip Planner to open it.</source>
        <translation>Le plan de ce voyage a été enregistré par une version plus récente de Trip Planner (format de plan %1&#x202f;; cette version lit le format %2). Mettez à jour Trip Planner pour l’ouvrir.</translation>
    </message>
    <message>
        <source>No stay for the night of %1</source>
        <translation>Aucun hébergement pour la nuit du %1</translation>
    </message>
    <message>
        <source>Two stays share %1 night(s) from %2</source>
        <translation>Deux hébergements se partagent %1 nuit(s) à partir du %2</translation>
    </message>
    <message>
        <source>“%1” is not booked</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas réservé</translation>
    </message>
    <message>
        <source>“%1” is outside the trip&apos;s dates</source>
        <translation>«&#x202f;%1&#x202f;» est en dehors des dates du voyage</translation>
    </message>
    <message>
        <source>“%1” has no arrival time</source>
        <translation>«&#x202f;%1&#x202f;» n’a pas d’heure d’arrivée</translation>
    </message>
    <message>
        <source>“%1” has no departure time</source>
        <translation>«&#x202f;%1&#x202f;» n’a pas d’heure de départ</translation>
    </message>
    <message>
        <source>“%1” has a booking reference but is not marked booked</source>
        <translation>«&#x202f;%1&#x202f;» a une référence de réservation, mais son statut est encore «&#x202f;Idée&#x202f;»</translation>
    </message>
    <message>
        <source>Over budget by %1 %2</source>
        <translation>Budget dépassé de %1 %2</translation>
    </message>
</context>
<context>
    <name>tp::PlanImport</name>
    <message>
        <source>the departure time has no local time zone; set the place&apos;s zone</source>
        <translation>l’heure de départ n’a pas de fuseau horaire local&#x202f;; définissez le fuseau du lieu</translation>
    </message>
    <message>
        <source>the arrival time has no local time zone; set the place&apos;s zone</source>
        <translation>l’heure d’arrivée n’a pas de fuseau horaire local&#x202f;; définissez le fuseau du lieu</translation>
    </message>
    <message>
        <source>airports %1 → %2</source>
        <translation>aéroports %1 → %2</translation>
    </message>
    <message>
        <source>(destination not recognised)</source>
        <translation>(destination non reconnue)</translation>
    </message>
    <message>
        <source>the arrival place was not recognised; edit it</source>
        <translation>le lieu d’arrivée n’a pas été reconnu&#x202f;; modifiez-le</translation>
    </message>
    <message>
        <source>exported by Trip Planner</source>
        <translation>exporté par Trip Planner</translation>
    </message>
    <message>
        <source>the word “%1”</source>
        <translation>le mot «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>%1, number %2 %3</source>
        <translation>%1, numéro %2 %3</translation>
    </message>
    <message>
        <source>“%1” has no start (DTSTART).</source>
        <translation>«&#x202f;%1&#x202f;» n’a pas de début (DTSTART).</translation>
    </message>
    <message>
        <source>“%1” has a start that cannot be read (%2).</source>
        <translation>«&#x202f;%1&#x202f;» a un début illisible (%2).</translation>
    </message>
    <message>
        <source>%1 nights, all-day</source>
        <translation>%1 nuits, journées entières</translation>
    </message>
    <message>
        <source>%1 nights, hotel wording</source>
        <translation>%1 nuits, vocabulaire hôtelier</translation>
    </message>
    <message>
        <source>(untitled event)</source>
        <translation>(événement sans titre)</translation>
    </message>
    <message>
        <source>the time was given in UTC and is shown in UTC; set the place&apos;s zone</source>
        <translation>l’heure était indiquée en UTC et s’affiche en UTC&#x202f;; définissez le fuseau du lieu</translation>
    </message>
    <message>
        <source>it ends on another day; only the start was kept</source>
        <translation>il se termine un autre jour&#x202f;; seul le début a été conservé</translation>
    </message>
    <message>
        <source>an all-day event</source>
        <translation>un événement sur toute la journée</translation>
    </message>
    <message>
        <source>a timed event</source>
        <translation>un événement avec horaire</translation>
    </message>
    <message>
        <source>is not a valid iCalendar file (END:%1 does not match)</source>
        <translation>n’est pas un fichier iCalendar valide (END:%1 ne correspond pas)</translation>
    </message>
    <message>
        <source>is not an iCalendar file (no BEGIN:VCALENDAR … END:VCALENDAR)</source>
        <translation>n’est pas un fichier iCalendar (pas de BEGIN:VCALENDAR … END:VCALENDAR)</translation>
    </message>
    <message>
        <source>time zone “%1” read as %2</source>
        <translation>fuseau horaire «&#x202f;%1&#x202f;» interprété comme %2</translation>
    </message>
    <message>
        <source>time zone “%1” is not a known zone; its offset %2 from the file was used</source>
        <translation>le fuseau horaire «&#x202f;%1&#x202f;» est inconnu&#x202f;; son décalage %2 indiqué dans le fichier a été utilisé</translation>
    </message>
    <message>
        <source>time zone “%1” is unknown and the file does not define it; the time has no zone</source>
        <translation>le fuseau horaire «&#x202f;%1&#x202f;» est inconnu et le fichier ne le définit pas&#x202f;; l’heure n’a pas de fuseau</translation>
    </message>
    <message>
        <source>Place at %1, %2</source>
        <translation>Lieu à %1, %2</translation>
    </message>
    <message>
        <source>is not a GPX file (%1)</source>
        <translation>n’est pas un fichier GPX (%1)</translation>
    </message>
    <message>
        <source>is not a GPX file</source>
        <translation>n’est pas un fichier GPX</translation>
    </message>
    <message>
        <source>is not a KML file (%1)</source>
        <translation>n’est pas un fichier KML (%1)</translation>
    </message>
    <message>
        <source>is not a KML file</source>
        <translation>n’est pas un fichier KML</translation>
    </message>
    <message>
        <source>is not a GeoJSON file (%1)</source>
        <translation>n’est pas un fichier GeoJSON (%1)</translation>
    </message>
    <message>
        <source>is not a GeoJSON Feature or FeatureCollection</source>
        <translation>n’est pas un objet GeoJSON Feature ou FeatureCollection</translation>
    </message>
</context>
<context>
    <name>tp::PlanValidation</name>
    <message>
        <source>is too large to compute with</source>
        <translation>est trop grand pour être calculé</translation>
    </message>
    <message>
        <source>has no date and time</source>
        <translation>n’a ni date ni heure</translation>
    </message>
    <message>
        <source>has no time zone</source>
        <translation>n’a pas de fuseau horaire</translation>
    </message>
    <message>
        <source>has an unknown time zone &quot;%1&quot;</source>
        <translation>a un fuseau horaire inconnu, «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>is %1 %2, a time that does not exist in %3 (the clocks skip it)</source>
        <translation>est %1 %2, une heure qui n’existe pas dans le fuseau %3 (elle est sautée au changement d’heure)</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>doit être du texte</translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD</source>
        <translation>doit être une date au format YYYY-MM-DD</translation>
    </message>
    <message>
        <source>must be a time HH:MM</source>
        <translation>doit être une heure au format HH:MM</translation>
    </message>
    <message>
        <source>must be a number written as text, like &quot;12.50&quot;</source>
        <translation>doit être un nombre écrit sous forme de texte, comme «&#x202f;12.50&#x202f;»</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>doit être une liste</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>est manquant</translation>
    </message>
    <message>
        <source>must be a whole number from 1</source>
        <translation>doit être un nombre entier supérieur ou égal à 1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>must be at most %L1 characters</source>
        <translation>doit comporter au plus %L1 caractères</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>contient un caractère NUL</translation>
    </message>
    <message>
        <source>must be at most 64 characters</source>
        <translation>doit comporter au plus 64 caractères</translation>
    </message>
    <message>
        <source>must be idea or booked</source>
        <translation>doit valoir idea ou booked</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>ne doit pas être négatif</translation>
    </message>
    <message>
        <source>is required (an ISO 4217 code such as EUR)</source>
        <translation>est obligatoire (un code ISO 4217, comme EUR)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (such as EUR, USD, JPY)</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un code de devise ISO 4217 (comme EUR, USD, JPY)</translation>
    </message>
    <message>
        <source>must be between -90 and 90</source>
        <translation>doit être compris entre -90 et 90</translation>
    </message>
    <message>
        <source>must be between -180 and 180</source>
        <translation>doit être compris entre -180 et 180</translation>
    </message>
    <message>
        <source>is required when the other coordinate is set</source>
        <translation>est obligatoire lorsque l’autre coordonnée est renseignée</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known IANA time zone (such as Europe/Rome)</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un fuseau horaire IANA connu (comme Europe/Rome)</translation>
    </message>
    <message>
        <source>is required when a time is given</source>
        <translation>est obligatoire lorsqu’une heure est indiquée</translation>
    </message>
    <message>
        <source>is required with a time (an IANA time zone such as Europe/Rome)</source>
        <translation>est obligatoire avec une heure (un fuseau horaire IANA comme Europe/Rome)</translation>
    </message>
    <message>
        <source>is required (YYYY-MM-DD)</source>
        <translation>est obligatoire (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>must be after the check-in date</source>
        <translation>doit être après la date d’arrivée</translation>
    </message>
    <message>
        <source>must be within a year of the check-in date</source>
        <translation>doit être au plus un an après la date d’arrivée</translation>
    </message>
    <message>
        <source>must be a web address starting with https:// or http://</source>
        <translation>doit être une adresse web commençant par https:// ou http://</translation>
    </message>
    <message>
        <source>must be one of: flight, train, bus, ferry, car, other</source>
        <translation>doit être l’une des valeurs suivantes&#x202f;: flight, train, bus, ferry, car, other</translation>
    </message>
    <message>
        <source>must be after the departure (%1 in %2 is not later than %3 in %4)</source>
        <translation>doit être après le départ (%1, fuseau %2, n’est pas après %3, fuseau %4)</translation>
    </message>
    <message>
        <source>is required when a start or end time is given</source>
        <translation>est obligatoire lorsqu’une heure de début ou de fin est indiquée</translation>
    </message>
    <message>
        <source>is required when an end time is given</source>
        <translation>est obligatoire lorsqu’une heure de fin est indiquée</translation>
    </message>
    <message>
        <source>must be after the start time</source>
        <translation>doit être après l’heure de début</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>doit être supérieur à 0</translation>
    </message>
    <message>
        <source>is required (the date the rate was read, YYYY-MM-DD)</source>
        <translation>est obligatoire (date de relevé du taux, YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another item</source>
        <translation>«&#x202f;%1&#x202f;» est déjà utilisé par un autre élément</translation>
    </message>
    <message>
        <source>The plan has a problem to fix: %1.</source>
        <translation>Le plan comporte un problème à corriger&#x202f;: %1.</translation>
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
        <translation>▶ %1 (en cours)</translation>
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
        <translation>Aucune clé d’API n’est enregistrée pour Gemini. Ajoutez-en une dans les Paramètres, ou choisissez le planificateur hors ligne.</translation>
    </message>
    <message>
        <source>No API key is saved for the OpenAI-compatible server. Add one in Settings, or choose the offline planner.</source>
        <translation>Aucune clé d’API n’est enregistrée pour le serveur compatible OpenAI. Ajoutez-en une dans les Paramètres, ou choisissez le planificateur hors ligne.</translation>
    </message>
    <message>
        <source>The API key for Gemini cannot be read: the system keychain is not available (%1).</source>
        <extracomment>%1: what the keychain said.</extracomment>
        <translation>La clé d’API de Gemini ne peut pas être lue&#x202f;: le trousseau système n’est pas disponible (%1).</translation>
    </message>
    <message>
        <source>The API key for the OpenAI-compatible server cannot be read: the system keychain is not available (%1).</source>
        <translation>La clé d’API du serveur compatible OpenAI ne peut pas être lue&#x202f;: le trousseau système n’est pas disponible (%1).</translation>
    </message>
    <message>
        <source>The API key for Gemini cannot be read from the keychain: %1</source>
        <translation>La clé d’API de Gemini ne peut pas être lue dans le trousseau&#x202f;: %1</translation>
    </message>
    <message>
        <source>The API key for the OpenAI-compatible server cannot be read from the keychain: %1</source>
        <translation>La clé d’API du serveur compatible OpenAI ne peut pas être lue dans le trousseau&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>tp::SecretStore</name>
    <message>
        <source>The system keychain did not answer in time (is it locked and waiting for a password?).</source>
        <translation>Le trousseau système n’a pas répondu à temps (est-il verrouillé et en attente d’un mot de passe&#x202f;?).</translation>
    </message>
    <message>
        <source>No secret is stored under this name.</source>
        <translation>Aucun secret n’est enregistré sous ce nom.</translation>
    </message>
    <message>
        <source>Access to the system keychain was refused (%1).</source>
        <translation>L’accès au trousseau système a été refusé (%1).</translation>
    </message>
    <message>
        <source>No system keychain is available (%1).</source>
        <translation>Aucun trousseau système n’est disponible (%1).</translation>
    </message>
    <message>
        <source>The system keychain reported an error (%1).</source>
        <translation>Le trousseau système a signalé une erreur (%1).</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time.</source>
        <translation>Le trousseau système n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Saved in the system keychain.</source>
        <translation>Enregistré dans le trousseau système.</translation>
    </message>
    <message>
        <source>Removed from the system keychain.</source>
        <translation>Supprimé du trousseau système.</translation>
    </message>
    <message>
        <source>The session-only secret was forgotten.</source>
        <translation>Le secret valable pour cette session uniquement a été oublié.</translation>
    </message>
    <message>
        <source>The system keychain is available.</source>
        <translation>Le trousseau système est disponible.</translation>
    </message>
</context>
<context>
    <name>tp::Settings</name>
    <message>
        <source>database.url must be a postgresql:// URL; the embedded file is set with database.file</source>
        <translation>database.url doit être une URL postgresql://&#x202f;; le fichier intégré se définit avec database.file</translation>
    </message>
    <message>
        <source>The URL contains a password, which is never stored in the settings. Store the URL without it and the password in the keychain (tripplanner-cli secret set database-password, or the settings dialog).</source>
        <translation>L’URL contient un mot de passe, qui n’est jamais enregistré dans les paramètres. Enregistrez l’URL sans le mot de passe, et le mot de passe dans le trousseau (tripplanner-cli secret set database-password, ou la boîte de dialogue des paramètres).</translation>
    </message>
    <message>
        <source>%1 must be an http:// or https:// URL</source>
        <translation>%1 doit être une URL http:// ou https://</translation>
    </message>
    <message>
        <source>%1 must not contain a user name or password; API keys go to the keychain</source>
        <translation>%1 ne doit contenir ni nom d’utilisateur ni mot de passe&#x202f;; les clés d’API vont dans le trousseau</translation>
    </message>
    <message>
        <source>%1 must not contain an API key or token (&quot;%2=&quot;): the settings file is not a safe place for one. Use a server that needs no key.</source>
        <translation>%1 ne doit contenir ni clé d’API ni jeton («&#x202f;%2=&#x202f;»)&#x202f;: le fichier de paramètres n’est pas un endroit sûr pour cela. Utilisez un serveur qui ne demande pas de clé.</translation>
    </message>
    <message>
        <source>map.tile-url must contain {z}, {x} and {y}, as in %1</source>
        <translation>map.tile-url doit contenir {z}, {x} et {y}, comme dans %1</translation>
    </message>
    <message>
        <source>%1 is on or off</source>
        <translation>%1 vaut on ou off</translation>
    </message>
    <message>
        <source>A profile name is 1 to 40 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Un nom de profil comporte de 1 à 40 lettres, chiffres, «&#x202f;-&#x202f;» ou «&#x202f;_&#x202f;».</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;; the settings are: %2</source>
        <translation>Paramètre inconnu «&#x202f;%1&#x202f;»&#x202f;; les paramètres sont&#x202f;: %2</translation>
    </message>
    <message>
        <source>database.mode is embedded or postgresql</source>
        <translation>database.mode vaut embedded ou postgresql</translation>
    </message>
    <message>
        <source>llm.provider is offline, gemini or openai-compatible</source>
        <translation>llm.provider vaut offline, gemini ou openai-compatible</translation>
    </message>
    <message>
        <source>database.url in the settings file contains a password; it is ignored. Move it to the keychain (the settings dialog offers to, or `tripplanner-cli secret set database-password`) and then run `tripplanner-cli config set database.url` with the URL without it.</source>
        <extracomment>&quot;database.url&quot; is the setting&apos;s key: keep it as it is.</extracomment>
        <translation>database.url dans le fichier de paramètres contient un mot de passe&#x202f;; il est ignoré. Déplacez-le dans le trousseau (la boîte de dialogue des paramètres le propose, ou `tripplanner-cli secret set database-password`), puis exécutez `tripplanner-cli config set database.url` avec l’URL sans le mot de passe.</translation>
    </message>
    <message>
        <source>%1 in the settings file is ignored (the default is used): %2</source>
        <extracomment>%1: the setting&apos;s key (&quot;database.url&quot;), as it is; %2: why the value is ignored.</extracomment>
        <translation>%1 dans le fichier de paramètres est ignoré (la valeur par défaut est utilisée)&#x202f;: %2</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>Les paramètres n’ont pas pu être écrits dans %1.</translation>
    </message>
    <message>
        <source>PostgreSQL is selected but no server is set.</source>
        <translation>PostgreSQL est sélectionné, mais aucun serveur n’est défini.</translation>
    </message>
    <message>
        <source>ui.language is a language code such as de, fr or es (empty: the system&apos;s)</source>
        <translation>ui.language est un code de langue comme de, fr ou es (vide : la langue du système)</translation>
    </message>
</context>
<context>
    <name>tp::Suggest</name>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD)</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas une date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (HH:MM)</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas une heure (HH:MM)</translation>
    </message>
    <message>
        <source>is not an amount this plan can hold</source>
        <translation>n’est pas un montant pris en charge par ce plan</translation>
    </message>
    <message>
        <source>The planner&apos;s answer held no proposals that could be read. Try again.</source>
        <translation>La réponse du planificateur ne contenait aucune proposition lisible. Réessayez.</translation>
    </message>
    <message>
        <source>%1: %2 to %3</source>
        <translation>%1&#x202f;: du %2 au %3</translation>
    </message>
    <message>
        <source>Idea: %1</source>
        <translation>Idée&#x202f;: %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>is %1, not the plan&apos;s home currency %2</source>
        <translation>est %1, et non la devise de référence du plan, %2</translation>
    </message>
    <message>
        <source>the plan has no home currency to hold the budget: choose one first</source>
        <translation>le plan n’a pas de devise de référence pour exprimer le budget&#x202f;: choisissez-en une d’abord</translation>
    </message>
    <message>
        <source>Trip budget: %1</source>
        <translation>Budget du voyage&#x202f;: %1</translation>
    </message>
    <message>
        <source>%1 of the planner&apos;s proposals could not be read and are not shown.</source>
        <translation>Propositions du planificateur illisibles et non affichées&#x202f;: %1.</translation>
    </message>
    <message>
        <source>The built-in planner proposes only what it can work out from the bundled data and your plan: it names no hotels or venues, and prices only from the destination&apos;s average cost per day. A model (Settings → AI planner) gives richer suggestions.</source>
        <translation>Le planificateur intégré ne propose que ce qu’il peut déduire des données fournies et de votre plan&#x202f;: il ne cite aucun hôtel ni aucun établissement, et n’estime les prix qu’à partir du coût moyen par jour de la destination. Un modèle (Paramètres → Planificateur IA) donne des suggestions plus riches.</translation>
    </message>
    <message>
        <source>Choose the trip&apos;s destination first: the suggestions are for a place.</source>
        <translation>Choisissez d’abord la destination du voyage&#x202f;: les suggestions portent sur un lieu.</translation>
    </message>
    <message>
        <source>Give the trip its dates first: the suggestions fill the days from the first to the last.</source>
        <translation>Indiquez d’abord les dates du voyage&#x202f;: les suggestions remplissent les jours, du premier au dernier.</translation>
    </message>
    <message>
        <source>A stay in central %1</source>
        <translation>Un hébergement central à %1</translation>
    </message>
    <message>
        <source>%1 centre</source>
        <translation>%1 (centre)</translation>
    </message>
    <message>
        <source>Choose a hotel or flat near the centre, then add its name, address and price.</source>
        <translation>Choisissez un hôtel ou un appartement près du centre, puis ajoutez son nom, son adresse et son prix.</translation>
    </message>
    <message numerus="yes">
        <source>Stay near the centre of %1: %2 to %3 (%n nights)</source>
        <translation>
            <numerusform>Hébergement près du centre, à %1&#x202f;: du %2 au %3 (%n nuit)</numerusform>
            <numerusform>Hébergement près du centre, à %1&#x202f;: du %2 au %3 (%n nuits)</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan has no stay for these nights. Staying central keeps the walks and rides short; the built-in planner knows no hotels, so the name and price are yours to fill in.</source>
        <translation>Le plan n’a pas d’hébergement pour ces nuits. Loger dans le centre limite les marches et les trajets&#x202f;; le planificateur intégré ne connaît aucun hôtel&#x202f;: c’est à vous d’indiquer le nom et le prix.</translation>
    </message>
    <message>
        <source>Every night of the trip already has a stay.</source>
        <translation>Chaque nuit du voyage a déjà un hébergement.</translation>
    </message>
    <message>
        <source>A one-day trip has no night to stay.</source>
        <translation>Un voyage d’une seule journée ne nécessite pas d’hébergement.</translation>
    </message>
    <message>
        <source>A day at the beach near %1</source>
        <translation>À %1 ou aux alentours, une journée à la plage</translation>
    </message>
    <message>
        <source>Swimming or snorkelling from a quieter cove</source>
        <translation>Baignade ou snorkeling dans une crique plus tranquille</translation>
    </message>
    <message>
        <source>A mountain walk to a viewpoint above %1</source>
        <translation>Une randonnée jusqu’à un point de vue dominant %1</translation>
    </message>
    <message>
        <source>A cable car or scenic drive into the mountains</source>
        <translation>Un téléphérique ou une route panoramique dans la montagne</translation>
    </message>
    <message>
        <source>A walking tour of %1&apos;s old town</source>
        <translation>À %1, une visite à pied de la vieille ville</translation>
    </message>
    <message>
        <source>Markets and neighbourhoods away from the main streets</source>
        <translation>Marchés et quartiers à l’écart des grandes rues</translation>
    </message>
    <message>
        <source>%1&apos;s main museum or historic site</source>
        <translation>À %1, le principal musée ou site historique</translation>
    </message>
    <message>
        <source>A guided visit of the historic centre</source>
        <translation>Une visite guidée du centre historique</translation>
    </message>
    <message>
        <source>A walk in a nature park near %1</source>
        <translation>À %1 ou aux alentours, une promenade dans un parc naturel</translation>
    </message>
    <message>
        <source>Sunrise or sunset at a viewpoint</source>
        <translation>Lever ou coucher de soleil depuis un point de vue</translation>
    </message>
    <message>
        <source>A food market and %1&apos;s local specialities</source>
        <translation>À %1, un marché et les spécialités locales</translation>
    </message>
    <message>
        <source>A cooking class or food tour</source>
        <translation>Un cours de cuisine ou une visite gastronomique</translation>
    </message>
    <message>
        <source>An evening out: bars and live music</source>
        <translation>Une sortie en soirée&#x202f;: bars et concerts</translation>
    </message>
    <message>
        <source>An afternoon at a spa</source>
        <translation>Un après-midi au spa</translation>
    </message>
    <message>
        <source>A free walking tour of %1</source>
        <translation>À %1, une visite guidée gratuite à pied</translation>
    </message>
    <message>
        <source>%1 is known for %2, which you said you enjoy.</source>
        <translation>%1 est une destination réputée pour %2, que vous dites apprécier.</translation>
    </message>
    <message>
        <source>%1 is known for %2.</source>
        <translation>%1 est une destination réputée pour %2.</translation>
    </message>
    <message>
        <source>The plan already holds every idea the built-in planner has for %1. %2</source>
        <translation>Le plan contient déjà toutes les idées du planificateur intégré pour %1. %2</translation>
    </message>
    <message>
        <source>the destination</source>
        <translation>la destination</translation>
    </message>
    <message>
        <source>One of your ideas, on a free day in %1.</source>
        <translation>L’une de vos idées, pour une journée libre à %1.</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Transfert vers %1</translation>
    </message>
    <message>
        <source>You change stays that day: keep it light, and check the way between them.</source>
        <translation>Vous changez d’hébergement ce jour-là&#x202f;: prévoyez une journée légère et vérifiez le trajet entre les deux.</translation>
    </message>
    <message>
        <source>Arrive and settle in; a first walk around %1</source>
        <translation>Arrivée et installation&#x202f;; première promenade à %1</translation>
    </message>
    <message>
        <source>The first day goes to getting there and checking in.</source>
        <translation>Le premier jour est consacré au trajet et à l’installation.</translation>
    </message>
    <message>
        <source>Pack, check out and travel home</source>
        <translation>Bagages, départ de l’hébergement et retour</translation>
    </message>
    <message>
        <source>The last day goes to the journey home.</source>
        <translation>Le dernier jour est consacré au voyage de retour.</translation>
    </message>
    <message>
        <source>Rest day in %1: nothing planned</source>
        <translation>Journée de repos à %1&#x202f;: rien de prévu</translation>
    </message>
    <message>
        <source>A free day every few days keeps a long trip enjoyable.</source>
        <translation>Une journée libre de temps en temps rend un long voyage plus agréable.</translation>
    </message>
    <message>
        <source>Explore %1 at your own pace</source>
        <translation>Découvrir %1 à votre rythme</translation>
    </message>
    <message>
        <source>Every idea is on a day already: a free day to wander.</source>
        <translation>Toutes les idées sont déjà programmées&#x202f;: une journée libre pour flâner.</translation>
    </message>
    <message>
        <source>Every day of the trip already has something planned.</source>
        <translation>Chaque jour du voyage a déjà quelque chose de prévu.</translation>
    </message>
    <message>
        <source>Home currency: %1</source>
        <translation>Devise de référence&#x202f;: %1</translation>
    </message>
    <message>
        <source>The destination&apos;s cost per day is the catalogue&apos;s figure in US dollars. Choose another currency in the Budget stage if you count in it.</source>
        <translation>Le coût par jour de la destination est le chiffre du catalogue, en dollars US. Choisissez une autre devise à l’étape Budget si vous comptez dans une autre monnaie.</translation>
    </message>
    <message>
        <source>Most of the plan&apos;s prices are in %1.</source>
        <translation>La plupart des prix du plan sont en %1.</translation>
    </message>
    <message>
        <source>The trip&apos;s budget already matches the estimate (%1 %2).</source>
        <translation>Le budget du voyage correspond déjà à l’estimation (%1 %2).</translation>
    </message>
    <message>
        <source>Trip budget: %1 %2</source>
        <translation>Budget du voyage&#x202f;: %1 %2</translation>
    </message>
    <message>
        <source>Food and daily costs at the destination&apos;s average: %1 = %2.</source>
        <translation>Repas et frais courants selon la moyenne de la destination&#x202f;: %1 = %2.</translation>
    </message>
    <message>
        <source>Plus %1 that the plan&apos;s stays, transport, activities and other costs already price.</source>
        <translation>S’y ajoutent %1 déjà chiffrés pour les hébergements, le transport, les activités et les autres coûts du plan.</translation>
    </message>
    <message>
        <source>The trip&apos;s budget is %1 now.</source>
        <translation>Le budget du voyage est actuellement de %1.</translation>
    </message>
    <message>
        <source>That is more than the %1 your preferences give as the most for a trip.</source>
        <translation>C’est plus que le maximum de %1 fixé par vos préférences pour un voyage.</translation>
    </message>
    <message>
        <source>That is less than the %1 your preferences give as the least for a trip.</source>
        <translation>C’est moins que le minimum de %1 fixé par vos préférences pour un voyage.</translation>
    </message>
    <message>
        <source>Not counted: %1</source>
        <translation>Non comptabilisé&#x202f;: %1</translation>
    </message>
    <message>
        <source>%1 is outside the trip (%2 to %3)</source>
        <translation>%1 est en dehors du voyage (du %2 au %3)</translation>
    </message>
    <message>
        <source>leaves %1 min to cover the %2 km from &quot;%3&quot; (about %4 min)</source>
        <translation>laisse %1&#xa0;min pour parcourir les %2&#xa0;km depuis «&#x202f;%3&#x202f;» (environ %4&#xa0;min nécessaires)</translation>
    </message>
    <message>
        <source>leaves %1 min to cover the %2 km to &quot;%3&quot; (about %4 min)</source>
        <translation>laisse %1&#xa0;min pour parcourir les %2&#xa0;km jusqu’à «&#x202f;%3&#x202f;» (environ %4&#xa0;min nécessaires)</translation>
    </message>
    <message>
        <source>the activity is no longer in the plan</source>
        <translation>l’activité ne fait plus partie du plan</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (such as EUR, USD, JPY)</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un code de devise ISO 4217 (comme EUR, USD, JPY)</translation>
    </message>
    <message>
        <source>puts the same idea on a day twice</source>
        <translation>programme deux fois la même idée</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and &quot;%2&quot; are both for the night of %3</source>
        <translation>«&#x202f;%1&#x202f;» et «&#x202f;%2&#x202f;» concernent tous deux la nuit du %3</translation>
    </message>
    <message>
        <source>there are no proposals to accept</source>
        <translation>il n’y a aucune proposition à accepter</translation>
    </message>
    <message>
        <source>none of the proposals can be accepted as it is</source>
        <translation>aucune proposition ne peut être acceptée telle quelle</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a proposal&apos;s number: give numbers from 1 to %2, separated by commas, or all</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un numéro de proposition&#x202f;: indiquez des numéros de 1 à %2, séparés par des virgules, ou all</translation>
    </message>
    <message>
        <source>proposal %1 cannot be accepted: %2 %3</source>
        <translation>la proposition %1 ne peut pas être acceptée&#x202f;: %2 %3</translation>
    </message>
    <message>
        <source>give proposal numbers separated by commas (1,3), or all</source>
        <translation>indiquez des numéros de proposition séparés par des virgules (1,3), ou all</translation>
    </message>
    <message>
        <source>the file names no stage this version knows</source>
        <translation>le fichier n’indique aucune étape connue de cette version</translation>
    </message>
    <message>
        <source>the file names no trip</source>
        <translation>le fichier n’indique aucun voyage</translation>
    </message>
    <message>
        <source>is not a kind of proposal this version knows</source>
        <translation>n’est pas un type de proposition connu de cette version</translation>
    </message>
    <message>
        <source>is not an amount</source>
        <translation>n’est pas un montant valide</translation>
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
        <translation>à partir du %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>jusqu’au %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Travellers</source>
        <translation>Voyageurs</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>tp::Validation</name>
    <message>
        <source>contains a NUL character</source>
        <translation>contient un caractère NUL</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>n’est pas un nombre</translation>
    </message>
    <message>
        <source>is not a number (use digits and a &apos;.&apos; decimal point)</source>
        <translation>n’est pas un nombre (utilisez des chiffres et un point «&#x202f;.&#x202f;» comme séparateur décimal)</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>has more than %1 decimals</source>
        <translation>comporte plus de %1 décimales</translation>
    </message>
    <message>
        <source>is too large (at most %1 digits before the decimal point)</source>
        <translation>a trop de chiffres (%1 au plus avant le point décimal)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>One field error in an error message: %1 is the field&apos;s key (an identifier such as &quot;end_date&quot;, not translated), %2 the problem (&quot;must not be before the start date&quot;).</extracomment>
        <translation>%1&#x202f;: %2</translation>
    </message>
    <message>
        <source>is required</source>
        <extracomment>A field error, shown after the field&apos;s name: &quot;Title is required&quot;, &quot;title: is required&quot;.</extracomment>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>must be at most %L1 characters (it has %L2)</source>
        <translation>doit comporter au plus %L1 caractères (actuellement %L2)</translation>
    </message>
    <message>
        <source>must not be before the start date</source>
        <translation>ne doit pas précéder la date de début</translation>
    </message>
    <message>
        <source>must have 2 decimals</source>
        <translation>doit comporter 2 décimales</translation>
    </message>
    <message>
        <source>must be between 0 and 99,999,999.99</source>
        <translation>doit se situer entre 0 et 99999999.99</translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation>doit valoir au moins 1</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>doit être l’une des valeurs suivantes&#x202f;: %1</translation>
    </message>
    <message>
        <source>must be between 0 and 999,999.99</source>
        <translation>doit se situer entre 0 et 999999.99</translation>
    </message>
    <message>
        <source>must be between -90 and 90</source>
        <translation>doit se situer entre -90 et 90</translation>
    </message>
    <message>
        <source>must be between -180 and 180</source>
        <translation>doit se situer entre -180 et 180</translation>
    </message>
    <message>
        <source>is required when the other coordinate is set</source>
        <translation>est obligatoire lorsque l’autre coordonnée est renseignée</translation>
    </message>
    <message>
        <source>must not be less than the minimum budget</source>
        <translation>ne doit pas être inférieur au budget minimum</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>ne doit pas être négatif</translation>
    </message>
    <message>
        <source>may contain only letters, digits and @ . + - _</source>
        <translation>ne peut contenir que des lettres, des chiffres et @ . + - _</translation>
    </message>
    <message>
        <source>must be between -%1 and %1</source>
        <translation>doit se situer entre -%1 et %1</translation>
    </message>
    <message>
        <source>is not a valid date (use YYYY-MM-DD): %1</source>
        <translation>n’est pas une date valide (format YYYY-MM-DD)&#x202f;: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 already exists</source>
        <extracomment>A field error, shown after the name field&apos;s label: &quot;Name &quot;Valencia&quot; in Spain already exists&quot;.</extracomment>
        <translation>«&#x202f;%1&#x202f;» (%2) existe déjà</translation>
    </message>
    <message>
        <source>there is no destination with id %1</source>
        <translation>aucune destination n’a l’identifiant %1</translation>
    </message>
    <message>
        <source>must be at most 254 characters</source>
        <translation>doit comporter au plus 254 caractères</translation>
    </message>
</context>
<context>
    <name>tp::app::SuggestionRunner</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>No model is chosen in the settings.</source>
        <translation>Aucun modèle n’est choisi dans les paramètres.</translation>
    </message>
    <message>
        <source>The planner failed unexpectedly.</source>
        <translation>Le planificateur a rencontré une erreur inattendue.</translation>
    </message>
</context>
<context>
    <name>tp::app::TripSession</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
</context>
<context>
    <name>tp::cli</name>
    <message>
        <source>completion bash|zsh|fish: print the shell&apos;s completion script.
Packages install them; by hand, for example:
  tripplanner-cli completion bash &gt; ~/.local/share/bash-completion/completions/tripplanner-cli</source>
        <translation>completion bash|zsh|fish&#x202f;: affiche le script de complétion du shell.
Les paquets les installent&#x202f;; à la main, par exemple&#x202f;:
  tripplanner-cli completion bash &gt; ~/.local/share/bash-completion/completions/tripplanner-cli</translation>
    </message>
    <message>
        <source>completion needs bash, zsh or fish</source>
        <translation>completion requiert bash, zsh ou fish</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-- Dry run: %n migrations executed inside a transaction and rolled back; nothing changed (schema version %1).</source>
        <translation>
            <numerusform>-- Simulation&#x202f;: %n migration exécutée dans une transaction puis annulée&#x202f;; rien n’a été modifié (version du schéma %1).</numerusform>
            <numerusform>-- Simulation&#x202f;: %n migrations exécutées dans une transaction puis annulées&#x202f;; rien n’a été modifié (version du schéma %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n features that are not single places (tracks, routes, areas).</source>
        <translation>
            <numerusform>%n élément ignoré, car ce n’est pas un lieu unique (trace, parcours ou zone).</numerusform>
            <numerusform>%n éléments ignorés, car ce ne sont pas des lieux uniques (traces, parcours, zones).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n places recognised; nothing added. Run again with --apply to add them as ideas.</source>
        <translation>
            <numerusform>%n lieu reconnu&#x202f;; rien n’a été ajouté. Relancez avec --apply pour l’ajouter comme idée.</numerusform>
            <numerusform>%n lieux reconnus&#x202f;; rien n’a été ajouté. Relancez avec --apply pour les ajouter comme idées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n ideas to the plan.</source>
        <translation>
            <numerusform>%n idée ajoutée au plan.</numerusform>
            <numerusform>%n idées ajoutées au plan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items recognised; nothing added. Run again with --apply to add them.</source>
        <translation>
            <numerusform>%n élément reconnu&#x202f;; rien n’a été ajouté. Relancez avec --apply pour l’ajouter.</numerusform>
            <numerusform>%n éléments reconnus&#x202f;; rien n’a été ajouté. Relancez avec --apply pour les ajouter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n items to the plan.</source>
        <translation>
            <numerusform>%n élément ajouté au plan.</numerusform>
            <numerusform>%n éléments ajoutés au plan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n events to %1</source>
        <translation>
            <numerusform>%n événement écrit dans %1</numerusform>
            <numerusform>%n événements écrits dans %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n pages to %1</source>
        <translation>
            <numerusform>%n page écrite dans %1</numerusform>
            <numerusform>%n pages écrites dans %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n things to see to</source>
        <translation>
            <numerusform>%n point à régler</numerusform>
            <numerusform>%n points à régler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n proposal(s) into the plan of trip %1:</source>
        <translation>
            <numerusform>%n proposition acceptée dans le plan du voyage %1&#x202f;:</numerusform>
            <numerusform>%n propositions acceptées dans le plan du voyage %1&#x202f;:</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no user named &quot;%1&quot; (see: users list).</source>
        <translation>Il n’existe aucun utilisateur nommé «&#x202f;%1&#x202f;» (voir&#x202f;: users list).</translation>
    </message>
    <message>
        <source>missing argument</source>
        <translation>argument manquant</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argument inattendu «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>Talk to the trip planner about one trip: one message per line on stdin, the planner&apos;s reply to each on stdout. Without --provider the saved settings choose it. The API key comes from $TRIPPLANNER_LLM_API_KEY, else from the keychain (`secret set llm-api-key`).</source>
        <translation>Dialoguer avec le planificateur au sujet d’un voyage&#x202f;: un message par ligne sur stdin, la réponse du planificateur à chacun sur stdout. Sans --provider, le fournisseur est celui des paramètres enregistrés. La clé d’API provient de $TRIPPLANNER_LLM_API_KEY, sinon du trousseau (`secret set llm-api-key`).</translation>
    </message>
    <message>
        <source>The user (default: the local user named after your OS account).</source>
        <translation>L’utilisateur (par défaut&#x202f;: l’utilisateur local portant le nom de votre compte système).</translation>
    </message>
    <message>
        <source>The trip id.</source>
        <translation>L’identifiant du voyage.</translation>
    </message>
    <message>
        <source>--trip needs a trip id (a positive whole number)</source>
        <translation>--trip requiert un identifiant de voyage (un nombre entier positif)</translation>
    </message>
    <message>
        <source>cannot read stdin</source>
        <translation>impossible de lire stdin</translation>
    </message>
    <message>
        <source>line %1 contains a NUL character</source>
        <translation>la ligne %1 contient un caractère NUL</translation>
    </message>
    <message>
        <source>line %1 is not valid UTF-8 text</source>
        <translation>la ligne %1 n’est pas du texte UTF-8 valide</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: %1; nothing was saved for it.</source>
        <translation>tripplanner-cli&#x202f;: erreur&#x202f;: %1&#x202f;; rien n’a été enregistré pour cette ligne.</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: %1 (nothing was saved for: %2)</source>
        <translation>tripplanner-cli&#x202f;: erreur&#x202f;: %1 (rien n’a été enregistré pour&#x202f;: %2)</translation>
    </message>
    <message>
        <source>Settings profile (default: default).</source>
        <translation>Profil de paramètres (par défaut&#x202f;: default).</translation>
    </message>
    <message>
        <source>set (this session only)</source>
        <translation>défini (pour cette session uniquement)</translation>
    </message>
    <message>
        <source>set (in the keychain)</source>
        <translation>défini (dans le trousseau)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>unknown: no keychain available</source>
        <translation>inconnu&#x202f;: aucun trousseau disponible</translation>
    </message>
    <message>
        <source>unknown: the keychain reported an error</source>
        <translation>inconnu&#x202f;: le trousseau a signalé une erreur</translation>
    </message>
    <message>
        <source>(embedded)</source>
        <translation>(intégré)</translation>
    </message>
    <message>
        <source>(default: %1)</source>
        <translation>(par défaut&#x202f;: %1)</translation>
    </message>
    <message>
        <source>(offline)</source>
        <translation>(hors ligne)</translation>
    </message>
    <message>
        <source>(on)</source>
        <translation>(activé)</translation>
    </message>
    <message>
        <source>Profile: %1   File: %2</source>
        <translation>Profil&#x202f;: %1   Fichier&#x202f;: %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement&#x202f;: %1</translation>
    </message>
    <message>
        <source>unknown secret &quot;%1&quot; (database-password or llm-api-key)</source>
        <translation>secret inconnu «&#x202f;%1&#x202f;» (database-password ou llm-api-key)</translation>
    </message>
    <message>
        <source>--provider is gemini or openai-compatible</source>
        <translation>--provider vaut gemini ou openai-compatible</translation>
    </message>
    <message>
        <source>the offline planner needs no key; name the provider with --provider gemini or --provider openai-compatible</source>
        <translation>le planificateur hors ligne n’a besoin d’aucune clé&#x202f;; indiquez le fournisseur avec --provider gemini ou --provider openai-compatible</translation>
    </message>
    <message>
        <source>usage: config show | config set KEY VALUE | config unset KEY  [--profile NAME]
keys: %1
(secrets are set with: secret set database-password|llm-api-key, value on stdin)</source>
        <translation>utilisation&#x202f;: config show | config set KEY VALUE | config unset KEY  [--profile NAME]
clés&#x202f;: %1
(les secrets se définissent avec&#x202f;: secret set database-password|llm-api-key, valeur sur stdin)</translation>
    </message>
    <message>
        <source>%1 unset</source>
        <translation>%1 réinitialisé</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur&#x202f;: %1</translation>
    </message>
    <message>
        <source>usage: secret set NAME [--provider P] [--profile NAME]   (the value is read from stdin)
       secret clear NAME [--provider P] [--profile NAME]
names: database-password, llm-api-key (of --provider gemini|openai-compatible, default: the configured llm.provider)</source>
        <translation>utilisation&#x202f;: secret set NAME [--provider P] [--profile NAME]   (la valeur est lue sur stdin)
              secret clear NAME [--provider P] [--profile NAME]
noms&#x202f;: database-password, llm-api-key (du fournisseur --provider gemini|openai-compatible&#x202f;; par défaut, le llm.provider configuré)</translation>
    </message>
    <message>
        <source>LLM provider of the API key.</source>
        <translation>Fournisseur LLM de la clé d’API.</translation>
    </message>
    <message>
        <source>invalid arguments (the secret is read from stdin, never from the command line)</source>
        <translation>arguments non valides (le secret est lu sur stdin, jamais sur la ligne de commande)</translation>
    </message>
    <message>
        <source>%1 cleared</source>
        <translation>%1 supprimé</translation>
    </message>
    <message>
        <source>%1 was not set</source>
        <translation>%1 n’était pas défini</translation>
    </message>
    <message>
        <source>error: the value on stdin contains a NUL character or is not valid UTF-8 text; nothing was stored</source>
        <translation>erreur&#x202f;: la valeur sur stdin contient un caractère NUL ou n’est pas du texte UTF-8 valide&#x202f;; rien n’a été stocké</translation>
    </message>
    <message>
        <source>error: no value on stdin (pipe the secret in, e.g. from a password manager)</source>
        <translation>erreur&#x202f;: aucune valeur sur stdin (transmettez le secret par un tube, par exemple depuis un gestionnaire de mots de passe)</translation>
    </message>
    <message>
        <source>%1 saved in the system keychain</source>
        <translation>%1 enregistré dans le trousseau système</translation>
    </message>
    <message>
        <source>error: %1 Nothing was stored: the app never keeps secrets in plain text. Use the DATABASE_URL environment variable or the settings dialog&apos;s session-only option instead.</source>
        <translation>erreur&#x202f;: %1 Rien n’a été stocké&#x202f;: l’application ne conserve jamais de secrets en texte brut. Utilisez plutôt la variable d’environnement DATABASE_URL ou l’option «&#x202f;pour cette session uniquement&#x202f;» de la boîte de dialogue des paramètres.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>CITY</source>
        <translation>VILLE</translation>
    </message>
    <message>
        <source>COUNTRY</source>
        <translation>PAYS</translation>
    </message>
    <message>
        <source>COORDINATES</source>
        <translation>COORDONNÉES</translation>
    </message>
    <message>
        <source>PER DAY</source>
        <translation>PAR JOUR</translation>
    </message>
    <message>
        <source>BEST TIME</source>
        <translation>MEILLEURE PÉRIODE</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>destinations list: the catalogue, by name.</source>
        <translation>destinations list&#x202f;: le catalogue, trié par nom.</translation>
    </message>
    <message>
        <source>destinations search TEXT: the destinations where every word of TEXT begins a word of the name, city, country or description (case and accents ignored: &quot;sao paulo&quot; finds São Paulo).</source>
        <translation>destinations search TEXT&#x202f;: les destinations où chaque mot de TEXT est le début d’un mot du nom, de la ville, du pays ou de la description (sans tenir compte de la casse ni des accents&#x202f;: «&#x202f;sao paulo&#x202f;» trouve São Paulo).</translation>
    </message>
    <message>
        <source>Words to look for.</source>
        <translation>Mots à rechercher.</translation>
    </message>
    <message>
        <source>destinations add --name NAME --country COUNTRY [fields]</source>
        <translation>destinations add --name NAME --country COUNTRY [champs]</translation>
    </message>
    <message>
        <source>Name (required).</source>
        <translation>Nom (obligatoire).</translation>
    </message>
    <message>
        <source>Country (required).</source>
        <translation>Pays (obligatoire).</translation>
    </message>
    <message>
        <source>City.</source>
        <translation>Ville.</translation>
    </message>
    <message>
        <source>Description.</source>
        <translation>Description.</translation>
    </message>
    <message>
        <source>Best time to visit.</source>
        <translation>Meilleure période de visite.</translation>
    </message>
    <message>
        <source>Typical cost per day, e.g. 85.50.</source>
        <translation>Coût habituel par jour, p. ex. 85.50.</translation>
    </message>
    <message>
        <source>Latitude, -90 to 90, at most 6 decimals.</source>
        <translation>Latitude, de -90 à 90, 6 décimales au plus.</translation>
    </message>
    <message>
        <source>Longitude, -180 to 180, at most 6 decimals.</source>
        <translation>Longitude, de -180 à 180, 6 décimales au plus.</translation>
    </message>
    <message>
        <source>Created destination %1: %2, %3</source>
        <translation>Destination %1 créée&#x202f;: %2, %3</translation>
    </message>
    <message>
        <source>destinations locate: give every destination without coordinates the position of its city (or name) in the offline gazetteer, and record where it came from.</source>
        <translation>destinations locate&#x202f;: attribue à chaque destination sans coordonnées la position de sa ville (ou de son nom) dans le répertoire géographique hors ligne, et enregistre la provenance de ces coordonnées.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n destinations without coordinates placed; %2 not found.</source>
        <translation>
            <numerusform>%1 destination sans coordonnées localisée sur %n&#x202f;; %2 introuvable.</numerusform>
            <numerusform>%1 destinations sans coordonnées localisées sur %n&#x202f;; %2 introuvables.</numerusform>
        </translation>
    </message>
    <message>
        <source>destinations needs list, search, add or locate</source>
        <translation>destinations requiert list, search, add ou locate</translation>
    </message>
    <message>
        <source>unknown destinations command &quot;%1&quot;</source>
        <translation>commande destinations inconnue «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>Check the database: reachability, server, TLS, pooling, schema, latency.</source>
        <translation>Vérifier la base de données&#x202f;: accessibilité, serveur, TLS, pool de connexions, schéma, latence.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Joignable</translation>
    </message>
    <message>
        <source>NO: %1</source>
        <translation>NON&#x202f;: %1</translation>
    </message>
    <message>
        <source>yes (connected in %1 ms)</source>
        <translation>oui (connexion en %1&#xa0;ms)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point d’accès</translation>
    </message>
    <message>
        <source>pooled (a connection pooler such as PgBouncer or Neon&apos;s -pooler endpoint)</source>
        <translation>via un pool de connexions (PgBouncer ou le point d’accès -pooler de Neon, par exemple)</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direct</translation>
    </message>
    <message>
        <source>SQLite %1 (embedded file)</source>
        <translation>SQLite %1 (fichier intégré)</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>sans objet</translation>
    </message>
    <message>
        <source>embedded</source>
        <translation>intégré</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <source>PROBLEM: version %1 is newer than this app understands (%2); update Trip Planner</source>
        <translation>PROBLÈME&#x202f;: la version %1 est plus récente que ce que gère cette application (%2)&#x202f;; mettez Trip Planner à jour</translation>
    </message>
    <message numerus="yes">
        <source>PROBLEM: version %1, %n pending (%2), tables made by the web app will be adopted; run `tripplanner-cli migrate`</source>
        <translation>
            <numerusform>PROBLÈME&#x202f;: version %1, %n migration en attente (%2), les tables créées par l’application web seront reprises&#x202f;; exécutez `tripplanner-cli migrate`</numerusform>
            <numerusform>PROBLÈME&#x202f;: version %1, %n migrations en attente (%2), les tables créées par l’application web seront reprises&#x202f;; exécutez `tripplanner-cli migrate`</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PROBLEM: version %1, %n pending (%2); run `tripplanner-cli migrate`</source>
        <translation>
            <numerusform>PROBLÈME&#x202f;: version %1, %n migration en attente (%2)&#x202f;; exécutez `tripplanner-cli migrate`</numerusform>
            <numerusform>PROBLÈME&#x202f;: version %1, %n migrations en attente (%2)&#x202f;; exécutez `tripplanner-cli migrate`</numerusform>
        </translation>
    </message>
    <message>
        <source>version %1 (current)</source>
        <translation>version %1 (à jour)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>%1 ms (median of 5 round trips)</source>
        <translation>%1&#xa0;ms (médiane de 5 allers-retours)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>export --user NAME [--output FILE]: all of one user&apos;s data as one JSON document.</source>
        <translation>export --user NAME [--output FILE]&#x202f;: toutes les données d’un utilisateur dans un seul document JSON.</translation>
    </message>
    <message>
        <source>The user whose data to export (required).</source>
        <translation>L’utilisateur dont les données sont à exporter (obligatoire).</translation>
    </message>
    <message>
        <source>Write to this file instead of standard output.</source>
        <translation>Écrire dans ce fichier plutôt que sur la sortie standard.</translation>
    </message>
    <message>
        <source>export needs --user NAME</source>
        <translation>export requiert --user NAME</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>Exported %1&apos;s data to %2.</source>
        <translation>Données de %1 exportées vers %2.</translation>
    </message>
    <message>
        <source>Create or update the database schema.</source>
        <translation>Créer ou mettre à jour le schéma de la base de données.</translation>
    </message>
    <message>
        <source>Print the SQL and run it inside a transaction that is rolled back.</source>
        <translation>Afficher le SQL et l’exécuter dans une transaction qui est ensuite annulée.</translation>
    </message>
    <message>
        <source>Applied %1</source>
        <translation>Migration appliquée&#x202f;: %1</translation>
    </message>
    <message>
        <source>The schema is up to date (version %1).</source>
        <translation>Le schéma est à jour (version %1).</translation>
    </message>
    <message>
        <source>The schema is now at version %1.</source>
        <translation>Le schéma est maintenant à la version %1.</translation>
    </message>
    <message>
        <source>The trip&apos;s id (see: trips list).</source>
        <translation>L’identifiant du voyage (voir&#x202f;: trips list).</translation>
    </message>
    <message>
        <source>--trip ID is required</source>
        <translation>--trip ID est obligatoire</translation>
    </message>
    <message>
        <source>must be a trip id (a positive whole number)</source>
        <translation>doit être un identifiant de voyage (un nombre entier positif)</translation>
    </message>
    <message>
        <source>The place: a name, or an IATA airport code (FCO) looked up offline.</source>
        <translation>Le lieu&#x202f;: un nom, ou un code d’aéroport IATA (FCO) recherché hors ligne.</translation>
    </message>
    <message>
        <source>The place&apos;s latitude (-90 to 90).</source>
        <translation>Latitude du lieu (de -90 à 90).</translation>
    </message>
    <message>
        <source>The place&apos;s longitude (-180 to 180).</source>
        <translation>Longitude du lieu (de -180 à 180).</translation>
    </message>
    <message>
        <source>The place&apos;s IANA time zone, such as Europe/Rome.</source>
        <translation>Fuseau horaire IANA du lieu, p. ex. Europe/Rome.</translation>
    </message>
    <message>
        <source>Departure place: a name, or an IATA airport code (FCO) looked up offline.</source>
        <translation>Lieu de départ&#x202f;: un nom, ou un code d’aéroport IATA (FCO) recherché hors ligne.</translation>
    </message>
    <message>
        <source>Departure place&apos;s latitude (-90 to 90).</source>
        <translation>Latitude du lieu de départ (de -90 à 90).</translation>
    </message>
    <message>
        <source>Departure place&apos;s longitude (-180 to 180).</source>
        <translation>Longitude du lieu de départ (de -180 à 180).</translation>
    </message>
    <message>
        <source>Departure place&apos;s IANA time zone, such as Europe/Rome.</source>
        <translation>Fuseau horaire IANA du lieu de départ, p. ex. Europe/Rome.</translation>
    </message>
    <message>
        <source>Arrival place: a name, or an IATA airport code (FCO) looked up offline.</source>
        <translation>Lieu d’arrivée&#x202f;: un nom, ou un code d’aéroport IATA (FCO) recherché hors ligne.</translation>
    </message>
    <message>
        <source>Arrival place&apos;s latitude (-90 to 90).</source>
        <translation>Latitude du lieu d’arrivée (de -90 à 90).</translation>
    </message>
    <message>
        <source>Arrival place&apos;s longitude (-180 to 180).</source>
        <translation>Longitude du lieu d’arrivée (de -180 à 180).</translation>
    </message>
    <message>
        <source>Arrival place&apos;s IANA time zone, such as Europe/Rome.</source>
        <translation>Fuseau horaire IANA du lieu d’arrivée, p. ex. Europe/Rome.</translation>
    </message>
    <message>
        <source>must be a time HH:MM (24-hour clock)</source>
        <translation>doit être une heure au format HH:MM (sur 24 heures)</translation>
    </message>
    <message>
        <source>is required: give --currency (an ISO 4217 code such as EUR) or set the plan&apos;s home currency with `plan budget --home-currency`</source>
        <translation>est obligatoire&#x202f;: indiquez --currency (un code ISO 4217 tel que EUR) ou définissez la devise de référence du plan avec `plan budget --home-currency`</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (such as EUR, USD, JPY)</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un code de devise ISO 4217 (tel que EUR, USD, JPY)</translation>
    </message>
    <message>
        <source>plan needs show, add, remove, budget, import, export, stage or suggest</source>
        <translation>plan requiert show, add, remove, budget, import, export, stage ou suggest</translation>
    </message>
    <message>
        <source>unknown plan command &quot;%1&quot;</source>
        <translation>commande plan inconnue «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>Booking reference.</source>
        <translation>Référence de réservation.</translation>
    </message>
    <message>
        <source>idea (default) or booked.</source>
        <translation>idea (par défaut) ou booked.</translation>
    </message>
    <message>
        <source>Notes.</source>
        <translation>Notes.</translation>
    </message>
    <message>
        <source>ISO 4217 currency of the amount (default: the plan&apos;s home currency).</source>
        <translation>Devise ISO 4217 du montant (par défaut&#x202f;: la devise de référence du plan).</translation>
    </message>
    <message>
        <source>The item&apos;s id (default: a new one).</source>
        <translation>L’identifiant de l’élément (par défaut&#x202f;: un nouvel identifiant).</translation>
    </message>
    <message>
        <source>plan add stay --trip ID --name NAME --check-in DATE --check-out DATE</source>
        <translation>plan add stay --trip ID --name NAME --check-in DATE --check-out DATE</translation>
    </message>
    <message>
        <source>The stay&apos;s name (hotel, flat...).</source>
        <translation>Le nom de l’hébergement (hôtel, appartement...).</translation>
    </message>
    <message>
        <source>Check-in date, YYYY-MM-DD.</source>
        <translation>Date d’arrivée, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Check-out date, YYYY-MM-DD.</source>
        <translation>Date de départ, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Price for the whole stay (or a night with --per-night).</source>
        <translation>Prix de l’hébergement pour tout le séjour (ou pour une nuit avec --per-night).</translation>
    </message>
    <message>
        <source>The price is for each night.</source>
        <translation>Le prix s’entend par nuit.</translation>
    </message>
    <message>
        <source>A web address.</source>
        <translation>Une adresse web.</translation>
    </message>
    <message>
        <source>plan add leg --trip ID --from PLACE --to PLACE [--depart &apos;YYYY-MM-DD HH:MM&apos;] [--arrive ...]
PLACE may be an IATA airport code (its city, coordinates and time zone are filled in).</source>
        <translation>plan add leg --trip ID --from PLACE --to PLACE [--depart &apos;YYYY-MM-DD HH:MM&apos;] [--arrive ...]
PLACE peut être un code d’aéroport IATA (sa ville, ses coordonnées et son fuseau horaire sont alors renseignés).</translation>
    </message>
    <message>
        <source>flight (default), train, bus, ferry, car or other.</source>
        <translation>flight (par défaut), train, bus, ferry, car ou other.</translation>
    </message>
    <message>
        <source>Local departure date and time, &apos;YYYY-MM-DD HH:MM&apos;.</source>
        <translation>Date et heure locales de départ, &apos;YYYY-MM-DD HH:MM&apos;.</translation>
    </message>
    <message>
        <source>Local arrival date and time, &apos;YYYY-MM-DD HH:MM&apos;.</source>
        <translation>Date et heure locales d’arrivée, &apos;YYYY-MM-DD HH:MM&apos;.</translation>
    </message>
    <message>
        <source>Airline or operator code/name.</source>
        <translation>Code ou nom de la compagnie ou de l’opérateur.</translation>
    </message>
    <message>
        <source>Flight or train number.</source>
        <translation>Numéro de vol ou de train.</translation>
    </message>
    <message>
        <source>Cost.</source>
        <translation>Coût.</translation>
    </message>
    <message>
        <source>plan add activity --trip ID --title TITLE [--date DATE [--start HH:MM [--end HH:MM]]]
Without --date it is an idea, not yet on a day.</source>
        <translation>plan add activity --trip ID --title TITLE [--date DATE [--start HH:MM [--end HH:MM]]]
Sans --date, c’est une idée, pas encore programmée sur un jour.</translation>
    </message>
    <message>
        <source>What it is.</source>
        <translation>Ce dont il s’agit.</translation>
    </message>
    <message>
        <source>A category (museum, food, hike...).</source>
        <translation>Une catégorie (musée, gastronomie, randonnée...).</translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD.</source>
        <translation>Le jour, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Start time, HH:MM.</source>
        <translation>Heure de début, HH:MM.</translation>
    </message>
    <message>
        <source>End time, HH:MM.</source>
        <translation>Heure de fin, HH:MM.</translation>
    </message>
    <message>
        <source>plan add cost --trip ID --label TEXT --amount AMOUNT: an &quot;other&quot; cost.</source>
        <translation>plan add cost --trip ID --label TEXT --amount AMOUNT&#x202f;: un coût de la catégorie «&#x202f;autres coûts&#x202f;».</translation>
    </message>
    <message>
        <source>What it is (insurance, visa...).</source>
        <translation>Ce dont il s’agit (assurance, visa...).</translation>
    </message>
    <message>
        <source>The amount.</source>
        <translation>Le montant.</translation>
    </message>
    <message>
        <source>Usage: tripplanner-cli plan add stay|leg|activity|cost --trip ID [options]

Run `tripplanner-cli plan add KIND --help` for a kind&apos;s options.</source>
        <translation>Utilisation&#x202f;: tripplanner-cli plan add stay|leg|activity|cost --trip ID [options]

Exécutez `tripplanner-cli plan add KIND --help` pour les options d’un type d’élément.</translation>
    </message>
    <message>
        <source>plan add needs stay, leg, activity or cost</source>
        <translation>plan add requiert stay, leg, activity ou cost</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>Added %1 %2: %3</source>
        <translation>Élément %1 %2 ajouté&#x202f;: %3</translation>
    </message>
    <message>
        <source>plan remove --trip ID ITEM_ID: remove a stay, leg, activity or cost.</source>
        <translation>plan remove --trip ID ITEM_ID&#x202f;: supprimer un hébergement, un trajet, une activité ou un coût.</translation>
    </message>
    <message>
        <source>The item&apos;s id (see: plan show).</source>
        <translation>L’identifiant de l’élément (voir&#x202f;: plan show).</translation>
    </message>
    <message>
        <source>This trip&apos;s plan has no item with id &quot;%1&quot;.</source>
        <translation>Le plan de ce voyage ne contient aucun élément ayant l’identifiant «&#x202f;%1&#x202f;».</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Élément %1 supprimé</translation>
    </message>
    <message>
        <source>plan budget --trip ID [--home-currency CODE] [--rate CODE=RATE@YYYY-MM-DD ...]
A rate says what 1 unit of CODE is worth in the home currency on that date; a rate
for a currency and date already listed replaces it.</source>
        <translation>plan budget --trip ID [--home-currency CODE] [--rate CODE=RATE@YYYY-MM-DD ...]
Un taux indique ce que vaut 1 unité de CODE dans la devise de référence à cette date&#x202f;; un taux
pour une devise et une date déjà présentes remplace l’ancien.</translation>
    </message>
    <message>
        <source>The currency the budget is counted in (ISO 4217).</source>
        <translation>La devise dans laquelle le budget est calculé (ISO 4217).</translation>
    </message>
    <message>
        <source>An exchange rate, CODE=RATE@DATE (repeatable).</source>
        <translation>Un taux de change, CODE=RATE@DATE (option répétable).</translation>
    </message>
    <message>
        <source>must look like USD=0.92@2026-05-30</source>
        <translation>doit être de la forme USD=0.92@2026-05-30</translation>
    </message>
    <message>
        <source>Budget settings saved.</source>
        <translation>Paramètres du budget enregistrés.</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, du %2 au %3</translation>
    </message>
    <message>
        <source>%1. idea: %2 (%3, %4)</source>
        <translation>%1. idée&#x202f;: %2 (%3, %4)</translation>
    </message>
    <message>
        <source>Standard output cannot be written.</source>
        <translation>Impossible d’écrire sur la sortie standard.</translation>
    </message>
    <message>
        <source>cannot be written to %1: %2</source>
        <translation>impossible d’écrire dans %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>plan import --trip ID FILE [--apply]: read booking confirmations (flights, hotels, events)
from a calendar file (.ics), or places (.gpx, .kml, .geojson) as activity ideas.
Without --apply it only prints what it recognised.</source>
        <translation>plan import --trip ID FILE [--apply]&#x202f;: lit les confirmations de réservation (vols, hôtels, événements)
d’un fichier de calendrier (.ics), ou des lieux (.gpx, .kml, .geojson) comme idées d’activités.
Sans --apply, affiche seulement ce qui a été reconnu.</translation>
    </message>
    <message>
        <source>Add what was recognised to the plan.</source>
        <translation>Ajouter au plan ce qui a été reconnu.</translation>
    </message>
    <message>
        <source>The .ics, .gpx, .kml or .geojson file.</source>
        <translation>Le fichier .ics, .gpx, .kml ou .geojson.</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>illisible&#x202f;: %1</translation>
    </message>
    <message>
        <source>recognised by %1</source>
        <translation>reconnu d’après&#x202f;: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>remarque&#x202f;: %1</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Ignoré&#x202f;: %1</translation>
    </message>
    <message>
        <source>plan export --trip ID --ics FILE | --pdf FILE: the plan as an iCalendar file (RFC 5545,
each leg, stay and scheduled activity an event in its place&apos;s time zone) or as the
printable itinerary (A4, a page per day with the day&apos;s map), or both at once. &apos;-&apos; writes
to standard output. The PDF needs no display.</source>
        <translation>plan export --trip ID --ics FILE | --pdf FILE&#x202f;: le plan sous forme de fichier iCalendar (RFC 5545,
chaque trajet, hébergement et activité programmée devenant un événement dans le fuseau horaire de son lieu)
ou d’itinéraire imprimable (A4, une page par jour avec la carte du jour), ou les deux à la fois. &apos;-&apos; écrit
sur la sortie standard. Le PDF ne nécessite pas d’affichage.</translation>
    </message>
    <message>
        <source>Write an iCalendar (.ics) file here (&apos;-&apos; for stdout).</source>
        <translation>Écrire un fichier iCalendar (.ics) à cet emplacement (&apos;-&apos; pour stdout).</translation>
    </message>
    <message>
        <source>Write the printable itinerary (.pdf) here (&apos;-&apos; for stdout).</source>
        <translation>Écrire l’itinéraire imprimable (.pdf) à cet emplacement (&apos;-&apos; pour stdout).</translation>
    </message>
    <message>
        <source>plan export needs --ics FILE or --pdf FILE</source>
        <translation>plan export requiert --ics FILE ou --pdf FILE</translation>
    </message>
    <message>
        <source>only one of --ics and --pdf can write to standard output</source>
        <translation>seule l’une des options --ics et --pdf peut écrire sur la sortie standard</translation>
    </message>
    <message>
        <source>write the PDF option as --pdf FILE</source>
        <translation>écrivez l’option PDF sous la forme --pdf FILE</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Non exporté&#x202f;: %1</translation>
    </message>
    <message>
        <source>plan stage next|back --trip ID: complete the current planning stage (the trip&apos;s status
follows: accommodation → hotels_selected, ... final review → booked when everything is
booked), or go back one stage (the status goes back too).</source>
        <translation>plan stage next|back --trip ID&#x202f;: termine l’étape de planification en cours (le statut du voyage
suit&#x202f;: accommodation → hotels_selected, ... vérification finale → booked lorsque tout est
réservé), ou revient d’une étape en arrière (le statut revient aussi en arrière).</translation>
    </message>
    <message>
        <source>plan stage needs next or back</source>
        <translation>plan stage requiert next ou back</translation>
    </message>
    <message>
        <source>This trip has no planning session in progress to go back in.</source>
        <translation>Ce voyage n’a aucune session de planification en cours dans laquelle revenir en arrière.</translation>
    </message>
    <message>
        <source>Stage: %1; trip status: %2</source>
        <translation>Étape&#x202f;: %1&#x202f;; statut du voyage&#x202f;: %2</translation>
    </message>
    <message>
        <source>plan show --trip ID [--json]: the trip&apos;s plan day by day.</source>
        <translation>plan show --trip ID [--json]&#x202f;: le plan du voyage, jour par jour.</translation>
    </message>
    <message>
        <source>Plan of trip %1: %2 (stage: %3, status: %4)</source>
        <translation>Plan du voyage %1&#x202f;: %2 (étape&#x202f;: %3, statut&#x202f;: %4)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Unreadable: %1 %2</source>
        <translation>Illisible&#x202f;: %1 %2</translation>
    </message>
    <message>
        <source>Stays (%1)</source>
        <translation>Hébergements (%1)</translation>
    </message>
    <message>
        <source>%1 a night</source>
        <translation>%1 par nuit</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %3 to %4 (%n nights)  %5  [%6]</source>
        <translation>
            <numerusform>%1  %2  du %3 au %4 (%n nuit)  %5  [%6]</numerusform>
            <numerusform>%1  %2  du %3 au %4 (%n nuits)  %5  [%6]</numerusform>
        </translation>
    </message>
    <message>
        <source>Legs (%1)</source>
        <translation>Trajets (%1)</translation>
    </message>
    <message>
        <source>duration unknown</source>
        <translation>durée inconnue</translation>
    </message>
    <message>
        <source>Activities (%1)</source>
        <translation>Activités (%1)</translation>
    </message>
    <message>
        <source>idea</source>
        <translation>idée</translation>
    </message>
    <message>
        <source>Nights without a stay: %1</source>
        <translation>Nuits sans hébergement&#x202f;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Overlapping stays: %1 and %2 (%n nights)</source>
        <translation>
            <numerusform>Hébergements qui se chevauchent&#x202f;: %1 et %2 (%n nuit)</numerusform>
            <numerusform>Hébergements qui se chevauchent&#x202f;: %1 et %2 (%n nuits)</numerusform>
        </translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>Jour par jour</translation>
    </message>
    <message>
        <source>Budget (%1)</source>
        <translation>Budget (%1)</translation>
    </message>
    <message>
        <source>no home currency</source>
        <translation>aucune devise de référence</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>budget</translation>
    </message>
    <message>
        <source>OVER BUDGET by %1</source>
        <translation>BUDGET DÉPASSÉ de %1</translation>
    </message>
    <message>
        <source>Final review: %1</source>
        <translation>Vérification finale&#x202f;: %1</translation>
    </message>
    <message>
        <source>nothing missing</source>
        <translation>rien ne manque</translation>
    </message>
    <message>
        <source>Suggestions for trip %1 (%2), %3, from the %4:</source>
        <translation>Suggestions pour le voyage %1 (%2), étape %3, de la part du %4&#x202f;:</translation>
    </message>
    <message>
        <source>built-in planner</source>
        <translation>planificateur intégré</translation>
    </message>
    <message>
        <source>A suggestion to verify: check that it exists before booking.</source>
        <translation>Suggestion à vérifier&#x202f;: assurez-vous qu’elle existe avant de réserver.</translation>
    </message>
    <message>
        <source>Cannot be accepted: %1 %2</source>
        <translation>Impossible à accepter&#x202f;: %1 %2</translation>
    </message>
    <message>
        <source>No proposals.</source>
        <translation>Aucune proposition.</translation>
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
Les propositions du planificateur pour une étape&#x202f;: accommodation, activities, itinerary ou budget.
Rien n’est écrit tant que --accept ne désigne pas les propositions à ajouter au plan (all&#x202f;: toutes
celles qui peuvent être acceptées telles quelles)&#x202f;; elles sont ajoutées ensemble, ou pas du tout. Le
planificateur est celui enregistré (ou --provider)&#x202f;; hors ligne, le planificateur intégré propose à
partir des données fournies. Un modèle répond différemment à chaque fois&#x202f;: enregistrez ses propositions
avec --json et acceptez-les depuis ce fichier avec --from, pour que ce qui est accepté soit ce que vous avez lu.</translation>
    </message>
    <message>
        <source>accommodation, activities, itinerary or budget.</source>
        <translation>accommodation, activities, itinerary ou budget.</translation>
    </message>
    <message>
        <source>Accept these proposals into the plan: all, or numbers such as 1,3.</source>
        <translation>Accepter ces propositions dans le plan&#x202f;: all, ou des numéros tels que 1,3.</translation>
    </message>
    <message>
        <source>Accept from proposals printed earlier with --json (- for stdin).</source>
        <translation>Accepter parmi des propositions produites auparavant avec --json (- pour stdin).</translation>
    </message>
    <message>
        <source>--from needs --accept (all, or the numbers to accept)</source>
        <translation>--from requiert --accept (all, ou les numéros à accepter)</translation>
    </message>
    <message>
        <source>--stage is required: %1</source>
        <translation>--stage est obligatoire&#x202f;: %1</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>doit être l’une des valeurs suivantes&#x202f;: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>%1 is not the JSON that plan suggest --json prints (%2)</source>
        <translation>%1 n’est pas le JSON qu’affiche plan suggest --json (%2)</translation>
    </message>
    <message>
        <source>the proposals in %1 are for trip %2, not trip %3</source>
        <translation>les propositions de %1 concernent le voyage %2, et non le voyage %3</translation>
    </message>
    <message>
        <source>the proposals in %1 are for the %2 stage</source>
        <translation>les propositions de %1 concernent l’étape %2</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: the planner gave no proposals: %1 Nothing was changed.</source>
        <translation>tripplanner-cli&#x202f;: erreur&#x202f;: le planificateur n’a fait aucune proposition&#x202f;: %1 Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Accept them with: tripplanner-cli plan suggest --trip %1 --stage %2 --accept all (or 1,3...)</source>
        <translation>Acceptez-les avec&#x202f;: tripplanner-cli plan suggest --trip %1 --stage %2 --accept all (ou 1,3...)</translation>
    </message>
    <message>
        <source>Title, 1 to 200 characters.</source>
        <translation>Titre, de 1 à 200 caractères.</translation>
    </message>
    <message>
        <source>Start date, YYYY-MM-DD (empty to clear).</source>
        <translation>Date de début, YYYY-MM-DD (vide pour effacer).</translation>
    </message>
    <message>
        <source>End date, YYYY-MM-DD (empty to clear).</source>
        <translation>Date de fin, YYYY-MM-DD (vide pour effacer).</translation>
    </message>
    <message>
        <source>Budget, 0 to 99999999.99 (empty to clear).</source>
        <translation>Budget, de 0 à 99999999.99 (vide pour effacer).</translation>
    </message>
    <message>
        <source>Number of travellers, at least 1.</source>
        <translation>Nombre de voyageurs, au moins 1.</translation>
    </message>
    <message>
        <source>Status: %1.</source>
        <translation>Statut&#x202f;: %1.</translation>
    </message>
    <message>
        <source>Destination id (empty to clear).</source>
        <translation>Identifiant de la destination (vide pour effacer).</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must be a destination id (see: destinations list)</source>
        <translation>doit être un identifiant de destination (voir&#x202f;: destinations list)</translation>
    </message>
    <message>
        <source>Trip %1: %2</source>
        <translation>Voyage %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#x202f;:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destination&#x202f;:</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(non choisie)</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Dates&#x202f;:</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 (%n days)</source>
        <translation>
            <numerusform>du %1 au %2 (%n jour)</numerusform>
            <numerusform>du %1 au %2 (%n jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>Budget&#x202f;:</translation>
    </message>
    <message>
        <source>Travellers:</source>
        <translation>Voyageurs&#x202f;:</translation>
    </message>
    <message>
        <source>Upcoming:</source>
        <translation>À venir&#x202f;:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description&#x202f;:</translation>
    </message>
    <message>
        <source>trips list: a user&apos;s trips, newest first.</source>
        <translation>trips list&#x202f;: les voyages d’un utilisateur, du plus récent au plus ancien.</translation>
    </message>
    <message>
        <source>Only trips with this status.</source>
        <translation>Uniquement les voyages ayant ce statut.</translation>
    </message>
    <message>
        <source>Only trips ending on or after this date (YYYY-MM-DD).</source>
        <translation>Uniquement les voyages se terminant à cette date ou après (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Only trips starting on or before this date (YYYY-MM-DD).</source>
        <translation>Uniquement les voyages commençant à cette date ou avant (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Only trips whose title or description contains this text.</source>
        <translation>Uniquement les voyages dont le titre ou la description contient ce texte.</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>doit être l’une des valeurs suivantes&#x202f;: %1</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITRE</translation>
    </message>
    <message>
        <source>DESTINATION</source>
        <translation>DESTINATION</translation>
    </message>
    <message>
        <source>START</source>
        <translation>DÉBUT</translation>
    </message>
    <message>
        <source>END</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>BUDGET</source>
        <translation>BUDGET</translation>
    </message>
    <message>
        <source>TRAVELLERS</source>
        <translation>VOYAGEURS</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUT</translation>
    </message>
    <message>
        <source>trips add --title TITLE [fields]: plan a new trip.</source>
        <translation>trips add --title TITLE [champs]&#x202f;: planifier un nouveau voyage.</translation>
    </message>
    <message>
        <source>Print the new trip as JSON.</source>
        <translation>Afficher le nouveau voyage en JSON.</translation>
    </message>
    <message>
        <source>trips add needs --title</source>
        <translation>trips add requiert --title</translation>
    </message>
    <message>
        <source>Created trip %1: %2</source>
        <translation>Voyage %1 créé&#x202f;: %2</translation>
    </message>
    <message>
        <source>Trip id.</source>
        <translation>Identifiant du voyage.</translation>
    </message>
    <message>
        <source>trips %1 ID</source>
        <translation>trips %1 ID</translation>
    </message>
    <message>
        <source>Deleted trip %1 with its conversation and planning sessions.</source>
        <translation>Voyage %1 supprimé, avec sa conversation et ses sessions de planification.</translation>
    </message>
    <message>
        <source>trips needs list, add, show, update or delete</source>
        <translation>trips requiert list, add, show, update ou delete</translation>
    </message>
    <message>
        <source>unknown trips command &quot;%1&quot;</source>
        <translation>commande trips inconnue «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>users add NAME [--email EMAIL]: create a user (and its preferences).</source>
        <translation>users add NAME [--email EMAIL]&#x202f;: créer un utilisateur (et ses préférences).</translation>
    </message>
    <message>
        <source>E-mail address.</source>
        <translation>Adresse e-mail.</translation>
    </message>
    <message>
        <source>User name (letters, digits, @ . + - _).</source>
        <translation>Nom d’utilisateur (lettres, chiffres, @ . + - _).</translation>
    </message>
    <message>
        <source>Created user %1 (id %2).</source>
        <translation>Utilisateur %1 créé (identifiant %2).</translation>
    </message>
    <message>
        <source>users list [--json]</source>
        <translation>users list [--json]</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>NOM D’UTILISATEUR</translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation>E-MAIL</translation>
    </message>
    <message>
        <source>JOINED</source>
        <translation>INSCRIT LE</translation>
    </message>
    <message>
        <source>users delete NAME --yes: delete a user and ALL their data.</source>
        <translation>users delete NAME --yes&#x202f;: supprimer un utilisateur et TOUTES ses données.</translation>
    </message>
    <message>
        <source>Confirm: this removes the user&apos;s trips, conversations and preferences.</source>
        <translation>Confirmer&#x202f;: cette action supprime les voyages, conversations et préférences de l’utilisateur.</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>Nom d’utilisateur.</translation>
    </message>
    <message>
        <source>There is no user named &quot;%1&quot;.</source>
        <translation>Il n’existe aucun utilisateur nommé «&#x202f;%1&#x202f;».</translation>
    </message>
    <message>
        <source>deleting %1 removes all their data; add --yes to confirm</source>
        <translation>supprimer %1 efface toutes ses données&#x202f;; ajoutez --yes pour confirmer</translation>
    </message>
    <message>
        <source>Deleted user %1 and all their data.</source>
        <translation>Utilisateur %1 supprimé, avec toutes ses données.</translation>
    </message>
    <message>
        <source>users needs add, list or delete</source>
        <translation>users requiert add, list ou delete</translation>
    </message>
    <message>
        <source>unknown users command &quot;%1&quot; (add, list, delete)</source>
        <translation>commande users inconnue «&#x202f;%1&#x202f;» (add, list, delete)</translation>
    </message>
    <message>
        <source>Create or update the schema (--dry-run: show the SQL, change nothing)</source>
        <translation>Créer ou mettre à jour le schéma (--dry-run&#x202f;: afficher le SQL sans rien modifier)</translation>
    </message>
    <message>
        <source>Check the connection, server, TLS, pooling, schema and latency</source>
        <translation>Vérifier la connexion, le serveur, TLS, le pool de connexions, le schéma et la latence</translation>
    </message>
    <message>
        <source>add | list | delete users</source>
        <translation>add | list | delete&#x202f;: les utilisateurs</translation>
    </message>
    <message>
        <source>  add NAME [--email EMAIL]           create a user (and its preferences)
  list [--json]                      every user
  delete NAME --yes                  delete a user and ALL their data</source>
        <translation>  add NAME [--email EMAIL]           créer un utilisateur (et ses préférences)
  list [--json]                      tous les utilisateurs
  delete NAME --yes                  supprimer un utilisateur et TOUTES ses données</translation>
    </message>
    <message>
        <source>list | add | show | update | delete a user&apos;s trips</source>
        <translation>list | add | show | update | delete&#x202f;: les voyages d’un utilisateur</translation>
    </message>
    <message>
        <source>  list [--status S] [--from D] [--to D] [--search T] [--json]  a user&apos;s trips, newest first
  add --title TITLE [fields]         plan a new trip
  show ID [--json]                   one trip
  update ID [fields]                 change a trip&apos;s fields
  delete ID                          delete a trip
  (every verb takes --user NAME; default: the local user named after your OS account)</source>
        <translation>  list [--status S] [--from D] [--to D] [--search T] [--json]  les voyages d’un utilisateur, du plus récent au plus ancien
  add --title TITLE [champs]         planifier un nouveau voyage
  show ID [--json]                   un voyage
  update ID [champs]                 modifier les champs d’un voyage
  delete ID                          supprimer un voyage
  (chaque verbe accepte --user NAME&#x202f;; par défaut&#x202f;: l’utilisateur local portant le nom de votre compte système)</translation>
    </message>
    <message>
        <source>list | add | search the destination catalogue</source>
        <translation>list | add | search&#x202f;: le catalogue de destinations</translation>
    </message>
    <message>
        <source>  list [--json]                      the catalogue, by name
  search TEXT [--json]               destinations whose words begin with TEXT&apos;s words
  add --name NAME --country COUNTRY [fields]  add a destination
  locate [--json]                    coordinates from the offline gazetteer where missing</source>
        <translation>  list [--json]                      le catalogue, trié par nom
  search TEXT [--json]               les destinations dont des mots commencent par ceux de TEXT
  add --name NAME --country COUNTRY [champs]  ajouter une destination
  locate [--json]                    coordonnées manquantes, d’après le répertoire géographique hors ligne</translation>
    </message>
    <message>
        <source>Write all of one user&apos;s data as one JSON document</source>
        <translation>Écrire toutes les données d’un utilisateur dans un seul document JSON</translation>
    </message>
    <message>
        <source>Talk to the AI trip planner about one trip (stdin to stdout)</source>
        <translation>Dialoguer avec le planificateur IA au sujet d’un voyage (de stdin vers stdout)</translation>
    </message>
    <message>
        <source>show | set KEY VALUE | unset KEY: the non-secret settings</source>
        <translation>show | set KEY VALUE | unset KEY&#x202f;: les paramètres non secrets</translation>
    </message>
    <message>
        <source>  show [--profile NAME]              every setting and its value
  set KEY VALUE [--profile NAME]     change a setting
  unset KEY [--profile NAME]         back to the default</source>
        <translation>  show [--profile NAME]              chaque paramètre et sa valeur
  set KEY VALUE [--profile NAME]     modifier un paramètre
  unset KEY [--profile NAME]         revenir à la valeur par défaut</translation>
    </message>
    <message>
        <source>set NAME (value from stdin) | clear NAME: passwords and API keys in the keychain</source>
        <translation>set NAME (valeur lue sur stdin) | clear NAME&#x202f;: mots de passe et clés d’API dans le trousseau</translation>
    </message>
    <message>
        <source>  set NAME [--provider P] [--profile NAME]    store a secret read from stdin
  clear NAME [--provider P] [--profile NAME]  remove it
  names: database-password, llm-api-key</source>
        <translation>  set NAME [--provider P] [--profile NAME]    stocker un secret lu sur stdin
  clear NAME [--provider P] [--profile NAME]  le supprimer
  noms&#x202f;: database-password, llm-api-key</translation>
    </message>
    <message>
        <source>show | add | remove | budget | import | export | stage | suggest: a trip&apos;s stays, legs, activities</source>
        <translation>show | add | remove | budget | import | export | stage | suggest&#x202f;: hébergements, trajets, activités d’un voyage</translation>
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
        <translation>  show [--json]                      le plan, jour par jour, avec ses problèmes et son budget
  add stay|leg|activity|cost [opts]  ajouter un élément (voir plan add KIND --help)
  remove ITEM_ID                     supprimer un élément
  budget [--home-currency C] [--rate C=RATE@DATE]  paramètres du budget
  import FILE [--apply]              réservations depuis .ics, lieux depuis .gpx .kml .geojson
  export --ics FILE                  écrire le plan dans un fichier iCalendar
  stage next|back                    terminer l’étape de planification en cours, ou revenir en arrière
  suggest --stage S [--accept all|N,N]  les propositions du planificateur pour accommodation,
                                     activities, itinerary ou budget&#x202f;; accepter celles choisies
  (chaque verbe accepte --trip ID)</translation>
    </message>
    <message>
        <source>bash | zsh | fish: print the shell&apos;s completion script</source>
        <translation>bash | zsh | fish&#x202f;: afficher le script de complétion du shell</translation>
    </message>
    <message>
        <source>  bash                               the script for bash
  zsh                                the script for zsh
  fish                               the script for fish</source>
        <translation>  bash                               le script pour bash
  zsh                                le script pour zsh
  fish                               le script pour fish</translation>
    </message>
    <message>
        <source>Usage: tripplanner-cli [--database-url URL] COMMAND [ARGS...]

The database is --database-url, else $DATABASE_URL, else the configured one, else the
embedded SQLite file in the app-data folder. A URL given as an argument must not carry
a password (command lines are visible to other users): use $DATABASE_URL or
`tripplanner-cli secret set database-password` (value read from stdin).</source>
        <translation>Utilisation&#x202f;: tripplanner-cli [--database-url URL] COMMAND [ARGS...]

La base de données est --database-url, sinon $DATABASE_URL, sinon celle configurée, sinon le
fichier SQLite intégré, dans le dossier de données de l’application. Une URL passée en argument ne
doit pas contenir de mot de passe (les lignes de commande sont visibles des autres utilisateurs)&#x202f;:
utilisez $DATABASE_URL ou `tripplanner-cli secret set database-password` (valeur lue sur stdin).</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes&#x202f;:</translation>
    </message>
    <message>
        <source>Run `tripplanner-cli COMMAND --help` for a command&apos;s options.</source>
        <translation>Exécutez `tripplanner-cli COMMAND --help` pour les options d’une commande.</translation>
    </message>
    <message>
        <source>Usage: tripplanner-cli %1 VERB [OPTIONS] [ARGS...]</source>
        <translation>Utilisation&#x202f;: tripplanner-cli %1 VERB [OPTIONS] [ARGS...]</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>Verbes&#x202f;:</translation>
    </message>
    <message>
        <source>Run `tripplanner-cli %1 VERB --help` for a verb&apos;s options.</source>
        <translation>Exécutez `tripplanner-cli %1 VERB --help` pour les options d’un verbe.</translation>
    </message>
    <message>
        <source>--database-url needs a value</source>
        <translation>--database-url requiert une valeur</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>option inconnue %1</translation>
    </message>
    <message>
        <source>--database-url must not contain a password: other users can read command lines. Put the URL in $DATABASE_URL, or store the password with `tripplanner-cli secret set database-password`.</source>
        <translation>--database-url ne doit pas contenir de mot de passe&#x202f;: les autres utilisateurs peuvent lire les lignes de commande. Placez l’URL dans $DATABASE_URL, ou stockez le mot de passe avec `tripplanner-cli secret set database-password`.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>commande inconnue «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>argument %1 is not valid UTF-8 text</source>
        <translation>l’argument %1 n’est pas du texte UTF-8 valide</translation>
    </message>
    <message>
        <source>tripplanner-cli: %1 (see --help)</source>
        <translation>tripplanner-cli&#x202f;: %1 (voir --help)</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: %1</source>
        <translation>tripplanner-cli&#x202f;: erreur&#x202f;: %1</translation>
    </message>
    <message>
        <source>offline (no network), gemini or openai (any OpenAI-compatible server); default: the saved settings.</source>
        <translation>offline (sans réseau), gemini ou openai (tout serveur compatible OpenAI)&#x202f;; par défaut&#x202f;: les paramètres enregistrés.</translation>
    </message>
    <message>
        <source>The model name (default: the provider&apos;s).</source>
        <translation>Le nom du modèle (par défaut&#x202f;: celui du fournisseur).</translation>
    </message>
    <message>
        <source>The provider&apos;s base URL, e.g. http://localhost:11434/v1 for Ollama.</source>
        <translation>L’URL de base du fournisseur, p. ex. http://localhost:11434/v1 pour Ollama.</translation>
    </message>
    <message>
        <source>Ask for whole answers instead of a stream.</source>
        <translation>Demander des réponses complètes plutôt qu’un flux.</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot; (offline, gemini or openai)</source>
        <translation>fournisseur inconnu «&#x202f;%1&#x202f;» (offline, gemini ou openai)</translation>
    </message>
    <message>
        <source>--base-url must be an http(s) URL</source>
        <translation>--base-url doit être une URL http(s)</translation>
    </message>
    <message>
        <source>--base-url must not contain credentials; use $TRIPPLANNER_LLM_API_KEY</source>
        <translation>--base-url ne doit pas contenir d’identifiants de connexion&#x202f;; utilisez $TRIPPLANNER_LLM_API_KEY</translation>
    </message>
    <message>
        <source>(the system&apos;s: %1)</source>
        <translation>(celle du système : %1)</translation>
    </message>
</context>
<context>
    <name>tp::conversation::ConversationService</name>
    <message>
        <source>Wait for the current reply, or cancel it.</source>
        <translation>Attendez la fin de la réponse en cours ou annulez-la.</translation>
    </message>
</context>
<context>
    <name>tp::conversation::LlmWorker</name>
    <message>
        <source>Wait for the current reply, or cancel it.</source>
        <translation>Attendez la fin de la réponse en cours ou annulez-la.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The planner failed unexpectedly: %1</source>
        <translation>Le planificateur a rencontré une erreur inattendue&#x202f;: %1</translation>
    </message>
    <message>
        <source>The planner failed unexpectedly.</source>
        <translation>Le planificateur a rencontré une erreur inattendue.</translation>
    </message>
</context>
<context>
    <name>tp::geo::CoordinateCheck</name>
    <message>
        <source>The point lies in %1.</source>
        <translation>Le point se situe dans le pays indiqué (%1).</translation>
    </message>
    <message>
        <source>The country is unknown; the point is on land.</source>
        <translation>Le pays est inconnu&#x202f;; le point se situe sur la terre ferme.</translation>
    </message>
    <message>
        <source>The latitude or longitude is out of range.</source>
        <translation>La latitude ou la longitude est hors limites.</translation>
    </message>
    <message>
        <source>The point lies in the sea.</source>
        <translation>Le point se situe en mer.</translation>
    </message>
    <message>
        <source>The point lies in the sea, %1 km from %2.</source>
        <translation>Le point se situe en mer, à %1&#xa0;km du pays indiqué (%2).</translation>
    </message>
    <message>
        <source>The point lies in %1, %2 km from %3.</source>
        <translation>Le point se situe dans un autre pays (%1), à %2&#xa0;km du pays indiqué (%3).</translation>
    </message>
    <message>
        <source>The point lies %1 km outside %2.</source>
        <translation>Le point se situe à %1&#xa0;km en dehors du pays indiqué (%2).</translation>
    </message>
</context>
<context>
    <name>tp::geo::GeocodingService</name>
    <message>
        <source>The online search service asks this app to slow down (HTTP 429). Try again in a minute; the offline gazetteer (Find coordinates) still works.</source>
        <translation>Le service de recherche en ligne demande à cette application de ralentir (HTTP 429). Réessayez dans une minute&#x202f;; le répertoire géographique hors ligne (Trouver les coordonnées) fonctionne toujours.</translation>
    </message>
    <message>
        <source>The online search service refused the request (HTTP 403); its usage policy may have blocked this address. The offline gazetteer (Find coordinates) still works.</source>
        <translation>Le service de recherche en ligne a refusé la requête (HTTP 403)&#x202f;; sa politique d’utilisation a peut-être bloqué cette adresse. Le répertoire géographique hors ligne (Trouver les coordonnées) fonctionne toujours.</translation>
    </message>
    <message>
        <source>The online search service answered with an error (HTTP %1). Try again later; the offline gazetteer (Find coordinates) still works.</source>
        <translation>Le service de recherche en ligne a répondu par une erreur (HTTP %1). Réessayez plus tard&#x202f;; le répertoire géographique hors ligne (Trouver les coordonnées) fonctionne toujours.</translation>
    </message>
    <message>
        <source>The online search service did not answer in time. Check the network, or use the offline gazetteer (Find coordinates).</source>
        <translation>Le service de recherche en ligne n’a pas répondu à temps. Vérifiez le réseau, ou utilisez le répertoire géographique hors ligne (Trouver les coordonnées).</translation>
    </message>
    <message>
        <source>The online search service could not be reached (%1). Check the network, or use the offline gazetteer (Find coordinates).</source>
        <translation>Le service de recherche en ligne est injoignable (%1). Vérifiez le réseau, ou utilisez le répertoire géographique hors ligne (Trouver les coordonnées).</translation>
    </message>
    <message>
        <source>Type a place name to search for.</source>
        <translation>Saisissez un nom de lieu à rechercher.</translation>
    </message>
    <message>
        <source>The online search service sent an answer that is not a list of places.</source>
        <translation>Le service de recherche en ligne a envoyé une réponse qui n’est pas une liste de lieux.</translation>
    </message>
</context>
<context>
    <name>tp::llm::LlmClient</name>
    <message>
        <source>[hidden]</source>
        <translation>[masqué]</translation>
    </message>
    <message>
        <source>No API key is set for %1. Add one in Settings, or use the offline planner.</source>
        <translation>Aucune clé d’API n’est définie pour %1. Ajoutez-en une dans les Paramètres, ou utilisez le planificateur hors ligne.</translation>
    </message>
    <message>
        <source>The answer stopped arriving (no data for %1 s).</source>
        <translation>La réponse a cessé d’arriver (aucune donnée depuis %1&#xa0;s).</translation>
    </message>
    <message>
        <source>The provider did not answer within %1 s.</source>
        <translation>Le fournisseur n’a pas répondu dans un délai de %1&#xa0;s.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address. The API key is only sent to the server you configured: if the new address is right, set it as the base URL in Settings.</source>
        <translation>Le serveur %1 a redirigé la requête vers une autre adresse. La clé d’API n’est envoyée qu’au serveur que vous avez configuré&#x202f;: si la nouvelle adresse est la bonne, définissez-la comme URL de base dans les Paramètres.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address (to %2). The API key is only sent to the server you configured: if the new address is right, set it as the base URL in Settings.</source>
        <translation>Le serveur %1 a redirigé la requête vers une autre adresse (%2). La clé d’API n’est envoyée qu’au serveur que vous avez configuré&#x202f;: si la nouvelle adresse est la bonne, définissez-la comme URL de base dans les Paramètres.</translation>
    </message>
    <message>
        <source>structured output not supported</source>
        <translation>sortie structurée non prise en charge</translation>
    </message>
    <message>
        <source>structured output not supported (%1)</source>
        <translation>sortie structurée non prise en charge (%1)</translation>
    </message>
    <message>
        <source>The answer was cut off: the connection closed before it was complete.</source>
        <translation>La réponse a été interrompue&#x202f;: la connexion s’est fermée avant qu’elle soit complète.</translation>
    </message>
    <message>
        <source>The answer was cut off before it was complete.</source>
        <translation>La réponse a été interrompue avant d’être complète.</translation>
    </message>
    <message>
        <source>The answer was cut off at the model&apos;s token limit, even when asked with a limit of %1 tokens. Ask for less at a time, or choose a model that can write longer answers.</source>
        <translation>La réponse a été tronquée à la limite de jetons du modèle, même avec une limite de %1 jetons. Demandez-en moins à la fois, ou choisissez un modèle capable d’écrire des réponses plus longues.</translation>
    </message>
    <message>
        <source>The answer was cut off at the model&apos;s token limit.</source>
        <translation>La réponse a été tronquée à la limite de jetons du modèle.</translation>
    </message>
    <message>
        <source>the answer was cut off at the token limit; asking again with a larger limit</source>
        <translation>la réponse a été tronquée à la limite de jetons&#x202f;; nouvelle demande avec une limite plus élevée</translation>
    </message>
    <message>
        <source>%1 (gave up after %2 attempts)</source>
        <translation>%1 (abandon après %2 tentatives)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The API key was rejected (HTTP %1%2). Check the key in Settings.</source>
        <translation>La clé d’API a été refusée (HTTP %1%2). Vérifiez la clé dans les Paramètres.</translation>
    </message>
    <message>
        <source>The provider&apos;s rate limit or quota is used up (HTTP 429%1). Try again later.</source>
        <translation>La limite de requêtes ou le quota du fournisseur est épuisé (HTTP 429%1). Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The provider timed out (HTTP 408).</source>
        <translation>Le délai d’attente du fournisseur a expiré (HTTP 408).</translation>
    </message>
    <message>
        <source>The model or address was not found (HTTP 404%1). Check the model name and base URL.</source>
        <translation>Le modèle ou l’adresse est introuvable (HTTP 404%1). Vérifiez le nom du modèle et l’URL de base.</translation>
    </message>
    <message>
        <source>The provider had a server error (HTTP %1%2). Try again in a moment.</source>
        <translation>Le fournisseur a rencontré une erreur serveur (HTTP %1%2). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The provider refused the request (HTTP %1%2).</source>
        <translation>Le fournisseur a refusé la requête (HTTP %1%2).</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Check your connection or the base URL.</source>
        <translation>Impossible de joindre %1 (%2). Vérifiez votre connexion ou l’URL de base.</translation>
    </message>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation>La connexion à %1 a expiré.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made (%2).</source>
        <translation>Impossible d’établir une connexion sécurisée avec %1 (%2).</translation>
    </message>
    <message>
        <source>The connection to %1 failed (%2).</source>
        <translation>La connexion à %1 a échoué (%2).</translation>
    </message>
    <message>
        <source>The provider reported an error: (no message)</source>
        <translation>Le fournisseur a signalé une erreur&#x202f;: (aucun message)</translation>
    </message>
    <message>
        <source>The provider reported an error: %1</source>
        <translation>Le fournisseur a signalé une erreur&#x202f;: %1</translation>
    </message>
    <message>
        <source>The provider declined to answer (%1).</source>
        <translation>Le fournisseur a refusé de répondre (%1).</translation>
    </message>
    <message>
        <source>The provider stopped the answer (%1).</source>
        <translation>Le fournisseur a interrompu la réponse (%1).</translation>
    </message>
    <message>
        <source>The provider&apos;s response was not JSON.</source>
        <translation>La réponse du fournisseur n’était pas au format JSON.</translation>
    </message>
    <message>
        <source>The provider&apos;s response had no text.</source>
        <translation>La réponse du fournisseur ne contenait aucun texte.</translation>
    </message>
    <message>
        <source>The provider sent a stream event that is not JSON.</source>
        <translation>Le fournisseur a envoyé un événement de flux qui n’est pas au format JSON.</translation>
    </message>
    <message>
        <source>The model declined to answer: %1</source>
        <translation>Le modèle a refusé de répondre&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>tp::repo</name>
    <message>
        <source>You have no conversation with id %1.</source>
        <translation>Vous n’avez aucune conversation ayant l’identifiant %1.</translation>
    </message>
    <message>
        <source>You have no trip with id %1.</source>
        <translation>Vous n’avez aucun voyage ayant l’identifiant %1.</translation>
    </message>
    <message>
        <source>This conversation was changed elsewhere (another window or app) since it was loaded. Reload it and try again.</source>
        <translation>Cette conversation a été modifiée ailleurs (autre fenêtre ou application) depuis son chargement. Rechargez-la et réessayez.</translation>
    </message>
    <message>
        <source>A destination named &quot;%1&quot; in %2 already exists.</source>
        <translation>Une destination nommée «&#x202f;%1&#x202f;» (%2) existe déjà.</translation>
    </message>
    <message>
        <source>There is no destination with id %1.</source>
        <translation>Il n’existe aucune destination ayant l’identifiant %1.</translation>
    </message>
    <message>
        <source>You have no planning session with id %1.</source>
        <translation>Vous n’avez aucune session de planification ayant l’identifiant %1.</translation>
    </message>
    <message>
        <source>This trip already has a planning session in progress; finish it before starting another.</source>
        <translation>Ce voyage a déjà une session de planification en cours&#x202f;; terminez-la avant d’en commencer une autre.</translation>
    </message>
    <message>
        <source>This planning session is already completed.</source>
        <translation>Cette session de planification est déjà terminée.</translation>
    </message>
    <message>
        <source>A completed planning session cannot go back; start a new one.</source>
        <translation>Une session de planification terminée ne peut pas revenir en arrière&#x202f;; commencez-en une nouvelle.</translation>
    </message>
    <message>
        <source>This trip&apos;s plan was changed elsewhere (another window, the command line or the web app) since it was loaded. Reload it and make your change again.</source>
        <translation>Le plan de ce voyage a été modifié ailleurs (autre fenêtre, ligne de commande ou application web) depuis son chargement. Rechargez-le et refaites votre modification.</translation>
    </message>
    <message>
        <source>There is no user with id %1.</source>
        <translation>Il n’existe aucun utilisateur ayant l’identifiant %1.</translation>
    </message>
    <message>
        <source>“%1” was changed elsewhere (another window, the planner or the web app) after you opened it. Your change was not saved, so that the other one is kept; the trip now shows it. Make your change again if it is still needed.</source>
        <translation>«&#x202f;%1&#x202f;» a été modifié ailleurs (autre fenêtre, planificateur ou application web) après son ouverture. Votre modification n’a pas été enregistrée, afin de conserver l’autre&#x202f;; le voyage l’affiche désormais. Refaites votre modification si elle est toujours nécessaire.</translation>
    </message>
    <message>
        <source>A user named &quot;%1&quot; already exists.</source>
        <translation>Un utilisateur nommé «&#x202f;%1&#x202f;» existe déjà.</translation>
    </message>
</context>
<context>
    <name>tp::ui</name>
    <message>
        <source>The plan has no days to print: give the trip dates or schedule something.</source>
        <translation>Le plan n’a aucun jour à imprimer&#x202f;: indiquez les dates du voyage ou programmez quelque chose.</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>Itinéraire</translation>
    </message>
    <message>
        <source>The PDF could not be started.</source>
        <translation>Le PDF n’a pas pu être créé.</translation>
    </message>
    <message>
        <source>Day %1 of %2</source>
        <translation>Jour %1 sur %2</translation>
    </message>
    <message>
        <source>Map: Natural Earth (public domain)</source>
        <translation>Carte&#x202f;: Natural Earth (domaine public)</translation>
    </message>
    <message>
        <source>Nothing planned.</source>
        <translation>Rien de prévu.</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (suite)</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problème&#x202f;: %1</translation>
    </message>
    <message>
        <source>Night: %1</source>
        <translation>Nuit&#x202f;: %1</translation>
    </message>
    <message>
        <source>booking %1</source>
        <translation>réservation %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Impossible d’écrire %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Hébergement</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Idea, not scheduled yet</source>
        <translation>Idée, pas encore programmée</translation>
    </message>
    <message>
        <source>Start or end of a leg</source>
        <translation>Départ ou arrivée d’un trajet</translation>
    </message>
</context>
<context>
    <name>tp::ui::AboutDialog</name>
    <message>
        <source>About Trip Planner</source>
        <translation>À propos de Trip Planner</translation>
    </message>
    <message>
        <source>Trip Planner</source>
        <translation>Trip Planner</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <source>Version %1, built with Qt %2, running on Qt %3.</source>
        <translation>Version %1, compilée avec Qt %2, exécutée avec Qt %3.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or any later version (GPL-3.0-or-later). There is no warranty.</source>
        <translation>Logiciel libre distribué sous la GNU General Public License, version 3 ou toute version ultérieure (GPL-3.0-or-later). Aucune garantie n’est fournie.</translation>
    </message>
    <message>
        <source>This product includes data from &lt;a href=&quot;https://www.geonames.org/&quot;&gt;GeoNames&lt;/a&gt;, licensed under &lt;a href=&quot;https://creativecommons.org/licenses/by/4.0/&quot;&gt;CC BY 4.0&lt;/a&gt;: the offline gazetteer (towns of 15,000 people or more, filtered and reformatted) and the coordinates of the planner&apos;s catalogue.</source>
        <translation>Ce produit inclut des données de &lt;a href=&quot;https://www.geonames.org/&quot;&gt;GeoNames&lt;/a&gt;, sous licence &lt;a href=&quot;https://creativecommons.org/licenses/by/4.0/&quot;&gt;CC BY 4.0&lt;/a&gt;&#x202f;: le répertoire géographique hors ligne (villes de 15&#x202f;000 habitants ou plus, filtrées et reformatées) et les coordonnées du catalogue du planificateur.</translation>
    </message>
    <message>
        <source>Made with &lt;a href=&quot;https://www.naturalearthdata.com/&quot;&gt;Natural Earth&lt;/a&gt;. Free vector and raster map data @ naturalearthdata.com (public domain): the map&apos;s country outlines.</source>
        <translation>Réalisé avec &lt;a href=&quot;https://www.naturalearthdata.com/&quot;&gt;Natural Earth&lt;/a&gt;. Données cartographiques vectorielles et matricielles gratuites @ naturalearthdata.com (domaine public)&#x202f;: les contours des pays de la carte.</translation>
    </message>
    <message>
        <source>Airports: &lt;a href=&quot;https://ourairports.com/data/&quot;&gt;OurAirports&lt;/a&gt; (public domain). Time zones: &lt;a href=&quot;https://github.com/opentraveldata/opentraveldata&quot;&gt;Open Travel Data (OPTD)&lt;/a&gt;, CC BY 4.0, completed from the IANA time zone database (public domain).</source>
        <translation>Aéroports&#x202f;: &lt;a href=&quot;https://ourairports.com/data/&quot;&gt;OurAirports&lt;/a&gt; (domaine public). Fuseaux horaires&#x202f;: &lt;a href=&quot;https://github.com/opentraveldata/opentraveldata&quot;&gt;Open Travel Data (OPTD)&lt;/a&gt;, CC BY 4.0, complétés à partir de la base de données des fuseaux horaires de l’IANA (domaine public).</translation>
    </message>
    <message>
        <source>Online map tiles, when enabled: © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;OpenStreetMap contributors&lt;/a&gt; (ODbL); the map shows this attribution while tiles are displayed.</source>
        <translation>Tuiles cartographiques en ligne, si elles sont activées&#x202f;: © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;les contributeurs d’OpenStreetMap&lt;/a&gt; (ODbL)&#x202f;; la carte affiche cette mention tant que des tuiles sont affichées.</translation>
    </message>
    <message>
        <source>Online place search, when enabled: &lt;a href=&quot;https://nominatim.openstreetmap.org/&quot;&gt;Nominatim&lt;/a&gt;, data © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;OpenStreetMap contributors&lt;/a&gt; (ODbL).</source>
        <translation>Recherche de lieux en ligne, si elle est activée&#x202f;: &lt;a href=&quot;https://nominatim.openstreetmap.org/&quot;&gt;Nominatim&lt;/a&gt;, données © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;les contributeurs d’OpenStreetMap&lt;/a&gt; (ODbL).</translation>
    </message>
    <message>
        <source>Built on &lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; (LGPL-3.0), &lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; (BSD-2-Clause), &lt;a href=&quot;https://www.postgresql.org/&quot;&gt;libpq&lt;/a&gt; (PostgreSQL licence), &lt;a href=&quot;https://www.openssl.org/&quot;&gt;OpenSSL&lt;/a&gt; (Apache-2.0) and &lt;a href=&quot;https://www.sqlite.org/&quot;&gt;SQLite&lt;/a&gt; (public domain).</source>
        <translation>Repose sur &lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; (LGPL-3.0), &lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; (BSD-2-Clause), &lt;a href=&quot;https://www.postgresql.org/&quot;&gt;libpq&lt;/a&gt; (licence PostgreSQL), &lt;a href=&quot;https://www.openssl.org/&quot;&gt;OpenSSL&lt;/a&gt; (Apache-2.0) et &lt;a href=&quot;https://www.sqlite.org/&quot;&gt;SQLite&lt;/a&gt; (domaine public).</translation>
    </message>
    <message>
        <source>Data and services</source>
        <translation>Données et services</translation>
    </message>
    <message>
        <source>He&amp;lp</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Documentation</translation>
    </message>
    <message>
        <source>&amp;About Trip Planner</source>
        <translation>À &amp;propos de Trip Planner</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>tp::ui::ActivitiesEditor</name>
    <message>
        <source>Ideas</source>
        <translation>Idées</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Schedule on da&amp;y</source>
        <translation>Programmer ce &amp;jour</translation>
    </message>
    <message>
        <source>Schedules the selected idea on the selected day (or drag the idea onto a day)</source>
        <translation>Programme l’idée sélectionnée le jour sélectionné (ou faites glisser l’idée sur un jour)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Scheduled activities</source>
        <translation>Activités programmées</translation>
    </message>
    <message>
        <source>museum, food, hike…</source>
        <translation>musée, gastronomie, randonnée…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: an idea)</source>
        <translation>YYYY-MM-DD (vide&#x202f;: une idée)</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idée</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Réservée</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>Caté&amp;gorie</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>E&amp;nd</source>
        <translation>Fi&amp;n</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>Dé&amp;but</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>Cu&amp;rrency</source>
        <translation>De&amp;vise</translation>
    </message>
    <message>
        <source>C&amp;ost</source>
        <translation>C&amp;oût</translation>
    </message>
    <message>
        <source>&amp;Booking ref</source>
        <translation>&amp;Réf. de réservation</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;ut</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>Note&amp;s</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Booking ref</source>
        <translation>Réf. de réservation</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Ne&amp;w activity</source>
        <translation>Nouvelle act&amp;ivité</translation>
    </message>
    <message>
        <source>Save act&amp;ivity</source>
        <translation>Enregistrer l’a&amp;ctivité</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the chosen activity (Delete key in the list)</source>
        <translation>Supprimer l’activité choisie (touche Delete dans la liste)</translation>
    </message>
    <message>
        <source>Unsc&amp;hedule</source>
        <translation>Dé&amp;programmer</translation>
    </message>
    <message>
        <source>Moves the activity back to the ideas</source>
        <translation>Remet l’activité parmi les idées</translation>
    </message>
    <message>
        <source>Ideas (drag one onto a day)</source>
        <translation>Idées (faites-en glisser une sur un jour)</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programmées</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Edit activity %1</source>
        <translation>Modification de l’activité %1</translation>
    </message>
    <message>
        <source>Add activity %1</source>
        <translation>Ajout de l’activité %1</translation>
    </message>
    <message>
        <source>Remove activity %1</source>
        <translation>Suppression de l’activité %1</translation>
    </message>
    <message>
        <source>Unschedule %1</source>
        <translation>Déprogrammation de %1</translation>
    </message>
    <message>
        <source>Schedule %1 on %2</source>
        <translation>Programmation de %1 le %2</translation>
    </message>
    <message>
        <source>The new activity</source>
        <translation>La nouvelle activité</translation>
    </message>
    <message>
        <source>The activity “%1”</source>
        <translation>L’activité «&#x202f;%1&#x202f;»</translation>
    </message>
</context>
<context>
    <name>tp::ui::BudgetEditor</name>
    <message>
        <source>Home currency</source>
        <translation>Devise de référence</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>In home currency</source>
        <translation>En devise de référence</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Coûts</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Read on</source>
        <translation>Relevé le</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>Taux de change</translation>
    </message>
    <message>
        <source>Rate date</source>
        <translation>Date du taux</translation>
    </message>
    <message>
        <source>&amp;Add rate</source>
        <translation>Ajouter le tau&amp;x</translation>
    </message>
    <message>
        <source>Re&amp;move rate</source>
        <translation>&amp;Supprimer le taux</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>Autres coûts</translation>
    </message>
    <message>
        <source>Insurance, visa…</source>
        <translation>Assurance, visa…</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Add &amp;cost</source>
        <translation>Ajouter le &amp;coût</translation>
    </message>
    <message>
        <source>Remove cos&amp;t</source>
        <translation>S&amp;upprimer le coût</translation>
    </message>
    <message>
        <source>&amp;Home currency</source>
        <translation>Devise de &amp;référence</translation>
    </message>
    <message>
        <source>Exchange rates (1 unit = rate × home currency)</source>
        <translation>Taux de change (1 unité = taux × devise de référence)</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>De&amp;vise</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>&amp;Taux</translation>
    </message>
    <message>
        <source>Rate &amp;date</source>
        <translation>&amp;Date du taux</translation>
    </message>
    <message>
        <source>La&amp;bel</source>
        <translation>Li&amp;bellé</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>Dev&amp;ise</translation>
    </message>
    <message>
        <source>Am&amp;ount</source>
        <translation>&amp;Montant</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Trip budget</source>
        <translation>Budget du voyage</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Reste</translation>
    </message>
    <message>
        <source>No trip budget to compare with: set one on the trip.</source>
        <translation>Aucun budget de voyage avec lequel comparer&#x202f;: définissez-en un pour le voyage.</translation>
    </message>
    <message>
        <source>Over budget by %1</source>
        <translation>Budget dépassé de %1</translation>
    </message>
    <message>
        <source>Within budget: %1 left</source>
        <translation>Dans le budget&#x202f;: il reste %1</translation>
    </message>
    <message>
        <source>no rate</source>
        <translation>aucun taux</translation>
    </message>
    <message>
        <source>Clear the home currency</source>
        <translation>Suppression de la devise de référence</translation>
    </message>
    <message>
        <source>Set home currency %1</source>
        <translation>Définition de la devise de référence %1</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>n’est pas un nombre</translation>
    </message>
    <message>
        <source>is the home currency (its rate is 1)</source>
        <translation>est la devise de référence (son taux vaut 1)</translation>
    </message>
    <message>
        <source>is needed before rates (rates convert into it)</source>
        <translation>doit être définie avant les taux (ils sont convertis dans cette devise)</translation>
    </message>
    <message>
        <source>Add rate %1 = %2 %3</source>
        <translation>Ajout du taux %1 = %2 %3</translation>
    </message>
    <message>
        <source>Remove rate %1</source>
        <translation>Suppression du taux %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>is not an amount</source>
        <translation>n’est pas un montant valide</translation>
    </message>
    <message>
        <source>Add cost %1</source>
        <translation>Ajout du coût %1</translation>
    </message>
    <message>
        <source>Remove cost %1</source>
        <translation>Suppression du coût %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::ConversationPanel</name>
    <message>
        <source>Questions answered</source>
        <translation>Questions traitées</translation>
    </message>
    <message>
        <source>Next, with the planner:</source>
        <translation>Ensuite, avec le planificateur&#x202f;:</translation>
    </message>
    <message>
        <source>Suggest stays</source>
        <translation>Suggérer des hébergements</translation>
    </message>
    <message>
        <source>Suggest activities</source>
        <translation>Suggérer des activités</translation>
    </message>
    <message>
        <source>Draft the itinerary</source>
        <translation>Ébaucher l’itinéraire</translation>
    </message>
    <message>
        <source>Estimate the budget</source>
        <translation>Estimer le budget</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>No messages yet. Tell the planner what kind of trip you have in mind.</source>
        <translation>Aucun message pour l’instant. Décrivez au planificateur le voyage que vous envisagez.</translation>
    </message>
    <message>
        <source>Your message, being sent</source>
        <translation>Votre message, en cours d’envoi</translation>
    </message>
    <message>
        <source>The planner&apos;s reply, arriving</source>
        <translation>La réponse du planificateur, en cours de réception</translation>
    </message>
    <message>
        <source>Recommendations:</source>
        <translation>Recommandations&#x202f;:</translation>
    </message>
    <message>
        <source>Recommendation sets</source>
        <translation>Séries de recommandations</translation>
    </message>
    <message>
        <source>Message to the planner</source>
        <translation>Message au planificateur</translation>
    </message>
    <message>
        <source>Write to the planner… (Ctrl+Enter sends)</source>
        <translation>Écrivez au planificateur… (Ctrl+Enter pour envoyer)</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>E&amp;nvoyer</translation>
    </message>
    <message>
        <source>&amp;Cancel reply</source>
        <translation>Annu&amp;ler la réponse</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Chargement de la conversation…</translation>
    </message>
    <message>
        <source>Select a trip to see its conversation.</source>
        <translation>Sélectionnez un voyage pour afficher sa conversation.</translation>
    </message>
    <message>
        <source>Conversation about “%1”</source>
        <translation>Conversation sur «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>Not sent earlier — Retry to send it again.</source>
        <translation>Non envoyé précédemment — cliquez sur Réessayer pour le renvoyer.</translation>
    </message>
    <message>
        <source>Stage: not started</source>
        <translation>Étape&#x202f;: non commencée</translation>
    </message>
    <message>
        <source>Latest (%1)</source>
        <translation>Plus récente (%1)</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Aucune pour l’instant</translation>
    </message>
    <message>
        <source>Earlier set (%1)</source>
        <translation>Série antérieure (%1)</translation>
    </message>
    <message>
        <source>Stage: %1 · questions %2 of %3</source>
        <translation>Étape&#x202f;: %1 · questions %2 sur %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>✓ Your destination</source>
        <translation>✓ Votre destination</translation>
    </message>
    <message>
        <source>%1, your destination</source>
        <translation>%1, votre destination</translation>
    </message>
    <message>
        <source>Choose this destination</source>
        <translation>Choisir cette destination</translation>
    </message>
    <message>
        <source>Choose this instead</source>
        <translation>Choisir plutôt celle-ci</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>Choisir %1</translation>
    </message>
    <message>
        <source>The planner is replying…</source>
        <translation>Le planificateur répond…</translation>
    </message>
    <message>
        <source>Trying again in %1 s (attempt %2): %3</source>
        <translation>Nouvel essai dans %1&#xa0;s (tentative %2)&#x202f;: %3</translation>
    </message>
    <message>
        <source>you cancelled the reply.</source>
        <translation>vous avez annulé la réponse.</translation>
    </message>
    <message>
        <source>the conversation changed elsewhere (another window or app); it has been reloaded.</source>
        <translation>la conversation a été modifiée ailleurs (autre fenêtre ou application)&#x202f;; elle a été rechargée.</translation>
    </message>
    <message>
        <source>Not chosen: %1 — Retry to choose %2 again.</source>
        <translation>Non choisie&#x202f;: %1 — cliquez sur Réessayer pour choisir à nouveau %2.</translation>
    </message>
    <message>
        <source>Not sent: %1 — Retry</source>
        <translation>Non envoyé&#x202f;: %1 — Réessayez</translation>
    </message>
    <message>
        <source>Wait for the current reply, or cancel it; your text is kept in the box.</source>
        <translation>Attendez la fin de la réponse en cours ou annulez-la&#x202f;; votre texte est conservé dans la zone de saisie.</translation>
    </message>
    <message>
        <source>The planner is not available yet; your text is kept in the box.</source>
        <translation>Le planificateur n’est pas encore disponible&#x202f;; votre texte est conservé dans la zone de saisie.</translation>
    </message>
    <message>
        <source>This link is not opened: %1</source>
        <translation>Ce lien ne sera pas ouvert&#x202f;: %1</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Ouvrir le lien</translation>
    </message>
    <message>
        <source>Open this address in your browser?

%1</source>
        <translation>Ouvrir cette adresse dans votre navigateur&#x202f;?

%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>tp::ui::CoordinatePickerDialog</name>
    <message>
        <source>Pick the position on the map</source>
        <translation>Choisir la position sur la carte</translation>
    </message>
    <message>
        <source>Click the destination&apos;s position. Drag to pan, scroll or pinch to zoom.</source>
        <translation>Cliquez sur la position de la destination. Faites glisser pour vous déplacer&#x202f;; utilisez la molette ou pincez pour zoomer.</translation>
    </message>
    <message>
        <source>Map to pick the position on</source>
        <translation>Carte où choisir la position</translation>
    </message>
    <message>
        <source>No position chosen yet.</source>
        <translation>Aucune position choisie pour l’instant.</translation>
    </message>
    <message>
        <source>Use this position</source>
        <translation>Utiliser cette position</translation>
    </message>
    <message>
        <source>Current position: %1, %2. Click the map to choose another.</source>
        <translation>Position actuelle&#x202f;: %1, %2. Cliquez sur la carte pour en choisir une autre.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Attention&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::DateFilterEdit</name>
    <message>
        <source>any date</source>
        <translation>toute date</translation>
    </message>
    <message>
        <source>Choose a date from a calendar</source>
        <translation>Choisir une date dans un calendrier</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as YYYY-MM-DD, for example 2027-03-01.</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas une date&#x202f;: saisissez-la au format YYYY-MM-DD, par exemple 2027-03-01.</translation>
    </message>
</context>
<context>
    <name>tp::ui::DestinationDialog</name>
    <message>
        <source>Edit destination</source>
        <translation>Modifier la destination</translation>
    </message>
    <message>
        <source>Add destination</source>
        <translation>Ajouter une destination</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Best time to visit</source>
        <translation>Meilleure période de visite</translation>
    </message>
    <message>
        <source>Average cost per day</source>
        <translation>Coût moyen par jour</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>&amp;Find coordinates</source>
        <translation>&amp;Trouver les coordonnées</translation>
    </message>
    <message>
        <source>Look the city (or name) and country up in the offline gazetteer</source>
        <translation>Rechercher la ville (ou le nom) et le pays dans le répertoire géographique hors ligne</translation>
    </message>
    <message>
        <source>Search &amp;online</source>
        <translation>Rechercher en &amp;ligne</translation>
    </message>
    <message>
        <source>Pick on &amp;map…</source>
        <translation>Choisir sur la &amp;carte…</translation>
    </message>
    <message>
        <source>Click the place on a map</source>
        <translation>Désigner le lieu sur une carte</translation>
    </message>
    <message>
        <source>Places found online</source>
        <translation>Lieux trouvés en ligne</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Search OpenStreetMap&apos;s Nominatim for the city (or name) and country. Sends the name to nominatim.openstreetmap.org or the server set in Settings → Map.</source>
        <translation>Rechercher la ville (ou le nom) et le pays dans Nominatim (OpenStreetMap). Le nom est envoyé à nominatim.openstreetmap.org ou au serveur défini dans Paramètres → Carte.</translation>
    </message>
    <message>
        <source>Online search is turned off (Settings → Map).</source>
        <translation>La recherche en ligne est désactivée (Paramètres → Carte).</translation>
    </message>
    <message>
        <source>Coordinates: none yet. Type them, find them by name or pick them on the map.</source>
        <translation>Coordonnées&#x202f;: aucune pour l’instant. Saisissez-les, trouvez-les par le nom ou choisissez-les sur la carte.</translation>
    </message>
    <message>
        <source>Coordinates: as saved (where they came from was not recorded).</source>
        <translation>Coordonnées&#x202f;: telles qu’enregistrées (leur provenance n’a pas été notée).</translation>
    </message>
    <message>
        <source>Coordinates: typed.</source>
        <translation>Coordonnées&#x202f;: saisies à la main.</translation>
    </message>
    <message>
        <source>Coordinates: picked on the map.</source>
        <translation>Coordonnées&#x202f;: choisies sur la carte.</translation>
    </message>
    <message>
        <source>Coordinates: from the offline gazetteer (GeoNames): %1.</source>
        <translation>Coordonnées&#x202f;: issues du répertoire géographique hors ligne (GeoNames) pour %1.</translation>
    </message>
    <message>
        <source>Coordinates: country centre (approximate): %1.</source>
        <translation>Coordonnées&#x202f;: centre du pays (approximatif) pour %1.</translation>
    </message>
    <message>
        <source>Coordinates: from OpenStreetMap Nominatim: %1. Search data © OpenStreetMap contributors (ODbL).</source>
        <translation>Coordonnées&#x202f;: issues de Nominatim (OpenStreetMap) pour %1. Données de recherche © les contributeurs d’OpenStreetMap (ODbL).</translation>
    </message>
    <message>
        <source>Coordinates: from the AI planner (checked against the country).</source>
        <translation>Coordonnées&#x202f;: fournies par le planificateur IA (vérifiées par rapport au pays).</translation>
    </message>
    <message>
        <source>Coordinates: from the bundled catalogue.</source>
        <translation>Coordonnées&#x202f;: issues du catalogue intégré.</translation>
    </message>
    <message>
        <source>Recorded %1.</source>
        <translation>Enregistrées le %1.</translation>
    </message>
    <message>
        <source>Type a name or city and a country first.</source>
        <translation>Saisissez d’abord un nom ou une ville, et un pays.</translation>
    </message>
    <message>
        <source>Looking up %1 in the offline gazetteer…</source>
        <translation>Recherche de %1 dans le répertoire géographique hors ligne…</translation>
    </message>
    <message>
        <source>%1 was not found in the offline gazetteer.</source>
        <translation>%1 est introuvable dans le répertoire géographique hors ligne.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>The gazetteer&apos;s %1 (%2, %3) was not used: the coordinates were changed meanwhile.</source>
        <translation>Le résultat du répertoire géographique, %1 (%2, %3), n’a pas été utilisé&#x202f;: les coordonnées ont été modifiées entre-temps.</translation>
    </message>
    <message>
        <source>Type a name or city first.</source>
        <translation>Saisissez d’abord un nom ou une ville.</translation>
    </message>
    <message>
        <source>Searching OpenStreetMap Nominatim for %1…</source>
        <translation>Recherche de %1 dans Nominatim (OpenStreetMap)…</translation>
    </message>
    <message>
        <source>OpenStreetMap Nominatim found no place named %1.</source>
        <translation>Nominatim (OpenStreetMap) n’a trouvé aucun lieu nommé %1.</translation>
    </message>
    <message>
        <source>The coordinates were changed during the search and were kept; choose a place found online to use it instead.</source>
        <translation>Les coordonnées ont été modifiées pendant la recherche et ont été conservées&#x202f;; choisissez un lieu trouvé en ligne pour l’utiliser à la place.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Warning: %1 Check the coordinates; you can still save them.</source>
        <translation>Attention&#x202f;: %1 Vérifiez les coordonnées&#x202f;; vous pouvez tout de même les enregistrer.</translation>
    </message>
</context>
<context>
    <name>tp::ui::DestinationsPanel</name>
    <message>
        <source>Search destinations</source>
        <translation>Rechercher des destinations</translation>
    </message>
    <message>
        <source>Search name, city, country, description…</source>
        <translation>Rechercher par nom, ville, pays, description…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Fill &amp;missing coordinates</source>
        <translation>&amp;Compléter les coordonnées</translation>
    </message>
    <message>
        <source>Place every destination without coordinates with the offline gazetteer</source>
        <translation>Localiser chaque destination sans coordonnées à l’aide du répertoire géographique hors ligne</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Destinations</translation>
    </message>
    <message>
        <source>Map of destinations</source>
        <translation>Carte des destinations</translation>
    </message>
    <message>
        <source>Your catalogue has no destinations yet.

Add one with Add… above, or choose one of the planner&apos;s recommendations in a trip&apos;s conversation: it joins the catalogue.</source>
        <translation>Votre catalogue ne contient encore aucune destination.

Ajoutez-en une avec «&#x202f;Ajouter…&#x202f;» ci-dessus, ou choisissez l’une des recommandations du planificateur dans la conversation d’un voyage&#x202f;: elle rejoindra le catalogue.</translation>
    </message>
    <message>
        <source>No destination matches “%1”.</source>
        <translation>Aucune destination ne correspond à «&#x202f;%1&#x202f;».</translation>
    </message>
    <message>
        <source>Saved %1, %2.</source>
        <translation>Destination %1, %2 enregistrée.</translation>
    </message>
    <message>
        <source>Looking up destinations without coordinates…</source>
        <translation>Recherche des destinations sans coordonnées…</translation>
    </message>
    <message>
        <source>The catalogue is empty: there is nothing to fill in. Add destinations first (Add…).</source>
        <translation>Le catalogue est vide&#x202f;: il n’y a rien à compléter. Ajoutez d’abord des destinations (Ajouter…).</translation>
    </message>
    <message>
        <source>Every destination already has coordinates.</source>
        <translation>Toutes les destinations ont déjà des coordonnées.</translation>
    </message>
    <message>
        <source>%1 of %2 destinations placed; %3 not found.</source>
        <translation>%1 destinations localisées sur %2&#x202f;; %3 introuvables.</translation>
    </message>
    <message>
        <source>Delete %1, %2 from the catalogue?</source>
        <translation>Supprimer %1, %2 du catalogue&#x202f;?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %1, %2 from the catalogue? %n trips will lose this destination.</source>
        <translation>
            <numerusform>Supprimer %1, %2 du catalogue&#x202f;? %n voyage perdra cette destination.</numerusform>
            <numerusform>Supprimer %1, %2 du catalogue&#x202f;? %n voyages perdront cette destination.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete destination</source>
        <translation>Supprimer la destination</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleted %1, %2.</source>
        <translation>Destination %1, %2 supprimée.</translation>
    </message>
</context>
<context>
    <name>tp::ui::FieldErrorLabel</name>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
</context>
<context>
    <name>tp::ui::ItineraryView</name>
    <message>
        <source>Itinerary</source>
        <translation>Itinéraire</translation>
    </message>
    <message>
        <source>Map of the day</source>
        <translation>Carte du jour</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problème&#x202f;: %1</translation>
    </message>
    <message>
        <source>The trip has no dates and the plan has no dated items yet.</source>
        <translation>Le voyage n’a pas de dates et le plan ne contient encore aucun élément daté.</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>The map shows the day chosen in the list.</source>
        <translation>La carte montre le jour choisi dans la liste.</translation>
    </message>
    <message>
        <source>%1: no place of this day has coordinates yet (Find place in its editor).</source>
        <translation>%1&#x202f;: aucun lieu de ce jour n’a encore de coordonnées («&#x202f;Chercher le lieu&#x202f;» dans son éditeur).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n places, numbered in the day&apos;s order.</source>
        <translation>
            <numerusform>%1&#x202f;: %n lieu, numéroté dans l’ordre de la journée.</numerusform>
            <numerusform>%1&#x202f;: %n lieux, numérotés dans l’ordre de la journée.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::LanguagePage</name>
    <message>
        <source>The system&apos;s language (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Trip Planner shows the new language the next time it starts. Dates and numbers follow the language too.</source>
        <translation>Trip Planner affiche la nouvelle langue à son prochain démarrage. Les dates et les nombres suivent aussi la langue.</translation>
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
        <translation>Code d’aéroport</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Local date</source>
        <translation>Date locale</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Heure locale</translation>
    </message>
    <message>
        <source>%1 is not in the bundled airport list: type the place and its time zone.</source>
        <translation>%1 ne figure pas dans la liste d’aéroports intégrée&#x202f;: saisissez le lieu et son fuseau horaire.</translation>
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
        <translation>Mode</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>Departs</source>
        <translation>Date de départ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Arrives</source>
        <translation>Date d’arrivée</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Trajets</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idée</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>Dé&amp;part</translation>
    </message>
    <message>
        <source>De&amp;parts</source>
        <translation>&amp;Date de départ</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>A&amp;rrivée</translation>
    </message>
    <message>
        <source>&amp;Arrives</source>
        <translation>Date d’arri&amp;vée</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Numéro</translation>
    </message>
    <message>
        <source>&amp;Carrier</source>
        <translation>Compa&amp;gnie</translation>
    </message>
    <message>
        <source>&amp;Booking ref</source>
        <translation>Réf. de réserva&amp;tion</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>Dev&amp;ise</translation>
    </message>
    <message>
        <source>C&amp;ost</source>
        <translation>&amp;Coût</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;ut</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>%1 time zone</source>
        <translation>%1 – fuseau horaire</translation>
    </message>
    <message>
        <source>%1 date</source>
        <translation>%1 – date</translation>
    </message>
    <message>
        <source>%1 time</source>
        <translation>%1 – heure</translation>
    </message>
    <message>
        <source>%1 code</source>
        <translation>%1 – code</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Compagnie</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Booking ref</source>
        <translation>Réf. de réservation</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Ne&amp;w leg</source>
        <translation>Nouveau tra&amp;jet</translation>
    </message>
    <message>
        <source>Save le&amp;g</source>
        <translation>Enregistrer &amp;le trajet</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>(needs both local times and zones)</source>
        <translation>(heures locales et fuseaux horaires requis)</translation>
    </message>
    <message>
        <source>Edit leg %1</source>
        <translation>Modification du trajet %1</translation>
    </message>
    <message>
        <source>Add leg %1</source>
        <translation>Ajout du trajet %1</translation>
    </message>
    <message>
        <source>Remove leg %1</source>
        <translation>Suppression du trajet %1</translation>
    </message>
    <message>
        <source>The new leg</source>
        <translation>Le nouveau trajet</translation>
    </message>
    <message>
        <source>The leg “%1 → %2”</source>
        <translation>Le trajet «&#x202f;%1 → %2&#x202f;»</translation>
    </message>
</context>
<context>
    <name>tp::ui::LlmEndpointTest</name>
    <message>
        <source>The built-in offline planner needs no connection.</source>
        <translation>Le planificateur intégré hors ligne n’a besoin d’aucune connexion.</translation>
    </message>
    <message>
        <source>The base URL is not a valid http(s) address.</source>
        <translation>L’URL de base n’est pas une adresse http(s) valide.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 n’a pas répondu dans un délai de %2 secondes.</translation>
    </message>
    <message>
        <source>The server name %1 could not be found: check the base URL and that you are online.</source>
        <translation>Le nom de serveur %1 est introuvable&#x202f;: vérifiez l’URL de base et votre connexion à Internet.</translation>
    </message>
    <message>
        <source>Nothing accepted the connection at %1 (is the server running?).</source>
        <translation>Aucun service n’a accepté la connexion sur %1 (le serveur est-il démarré&#x202f;?).</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (TLS certificate problem).</source>
        <translation>La connexion sécurisée à %1 a échoué (problème de certificat TLS).</translation>
    </message>
    <message>
        <source>No answer from %1: the network or the server is unavailable.</source>
        <translation>Pas de réponse de %1&#x202f;: le réseau ou le serveur est indisponible.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address.</source>
        <translation>Le serveur %1 a redirigé la requête vers une autre adresse.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address (%2).</source>
        <translation>Le serveur %1 a redirigé la requête vers une autre adresse (%2).</translation>
    </message>
    <message>
        <source>The API key is only sent to the server you configured: if the new address is right, enter it as the base URL.</source>
        <translation>La clé d’API n’est envoyée qu’au serveur que vous avez configuré&#x202f;: si la nouvelle adresse est la bonne, saisissez-la comme URL de base.</translation>
    </message>
    <message>
        <source>It works: %1 answered in %2 ms with model %3.</source>
        <translation>Connexion réussie&#x202f;: %1 a répondu en %2 ms avec le modèle %3.</translation>
    </message>
    <message>
        <source>The API key was rejected (HTTP %1): check or replace the key.</source>
        <translation>La clé d’API a été refusée (HTTP %1)&#x202f;: vérifiez ou remplacez la clé.</translation>
    </message>
    <message>
        <source>The quota or rate limit is exhausted (HTTP 429): wait, or check the plan of the account.</source>
        <translation>Quota ou limite de requêtes atteint (HTTP 429)&#x202f;: patientez, ou vérifiez l’abonnement du compte.</translation>
    </message>
    <message>
        <source>The provider had a server error (HTTP %1); try again later.</source>
        <translation>Le fournisseur a rencontré une erreur serveur (HTTP %1)&#x202f;; réessayez plus tard.</translation>
    </message>
    <message>
        <source>Not found (HTTP 404): check the base URL and the model name &quot;%1&quot;.</source>
        <translation>Introuvable (HTTP 404)&#x202f;: vérifiez l’URL de base et le nom du modèle «&#x202f;%1&#x202f;».</translation>
    </message>
    <message>
        <source>The provider refused the request (HTTP %1).</source>
        <translation>Le fournisseur a refusé la requête (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>tp::ui::MainWindow</name>
    <message>
        <source>Trips</source>
        <translation>Voyages</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Destinations</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Données&#x202f;: %1</translation>
    </message>
    <message>
        <source>Round trip %1 ms</source>
        <translation>Aller-retour %1 ms</translation>
    </message>
    <message>
        <source>The budget was not saved: its trip is no longer open.</source>
        <translation>Le budget n’a pas été enregistré&#x202f;: son voyage n’est plus ouvert.</translation>
    </message>
    <message>
        <source>The budget is in the trip&apos;s details: save them to keep it.</source>
        <translation>Le budget a été reporté dans les détails du voyage&#x202f;: enregistrez-les pour le conserver.</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Réessa&amp;yer</translation>
    </message>
    <message>
        <source>Connection settin&amp;gs…</source>
        <translation>Paramètres de &amp;connexion…</translation>
    </message>
    <message>
        <source>Search trips</source>
        <translation>Rechercher des voyages</translation>
    </message>
    <message>
        <source>Search title and description… (Ctrl+F)</source>
        <translation>Rechercher dans le titre et la description… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par statut</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Trips ending on or after</source>
        <translation>Voyages se terminant au plus tôt le</translation>
    </message>
    <message>
        <source>Trips starting on or before</source>
        <translation>Voyages commençant au plus tard le</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Destination Selected</source>
        <translation>Destination choisie</translation>
    </message>
    <message>
        <source>Plan a new trip</source>
        <translation>Planifier un voyage</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Map of the trip&apos;s places</source>
        <translation>Carte des lieux du voyage</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New trip</source>
        <translation>&amp;Nouveau voyage</translation>
    </message>
    <message>
        <source>&amp;Save trip</source>
        <translation>&amp;Enregistrer le voyage</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>Paramè&amp;tres…</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconnecter</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>Map as &amp;PNG…</source>
        <translation>Carte en &amp;PNG…</translation>
    </message>
    <message>
        <source>&amp;Destinations as GeoJSON or GPX…</source>
        <translation>&amp;Destinations en GeoJSON ou GPX…</translation>
    </message>
    <message>
        <source>This &amp;trip&apos;s places as GeoJSON or GPX…</source>
        <translation>Lieux de ce &amp;voyage en GeoJSON ou GPX…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Delete trip…</source>
        <translation>&amp;Supprimer le voyage…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Trip &amp;details</source>
        <translation>&amp;Détails du voyage</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Conversation</translation>
    </message>
    <message>
        <source>&amp;Planning</source>
        <translation>&amp;Planification</translation>
    </message>
    <message>
        <source>De&amp;stinations</source>
        <translation>De&amp;stinations</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>Ca&amp;rte</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connexion&#x202f;: %1</translation>
    </message>
    <message>
        <source>Trip Planner cannot reach its database at %1.
%2</source>
        <translation>Trip Planner ne parvient pas à joindre sa base de données (%1).
%2</translation>
    </message>
    <message>
        <source>The connection to the database was lost: %1
Your trips are shown as last loaded; changes are refused until it is back.</source>
        <translation>La connexion à la base de données a été perdue&#x202f;: %1
Vos voyages sont affichés tels qu’ils ont été chargés en dernier&#x202f;; les modifications sont refusées jusqu’à son rétablissement.</translation>
    </message>
    <message>
        <source>Trying again to reach %1…</source>
        <translation>Nouvelle tentative de connexion à %1…</translation>
    </message>
    <message>
        <source>No trips match these filters.</source>
        <translation>Aucun voyage ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>No trips yet. Where would you like to go?</source>
        <translation>Aucun voyage pour l’instant. Où aimeriez-vous aller&#x202f;?</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trips</source>
        <translation>
            <numerusform>%n voyage</numerusform>
            <numerusform>%n voyages</numerusform>
        </translation>
    </message>
    <message>
        <source>The new trip</source>
        <translation>Le nouveau voyage</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 comporte des modifications non enregistrées. Les enregistrer&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Ignorer les modifications</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Enregistrement du plan…</translation>
    </message>
    <message>
        <source>Created “%1”.</source>
        <translation>Voyage «&#x202f;%1&#x202f;» créé.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>Voyage «&#x202f;%1&#x202f;» enregistré.</translation>
    </message>
    <message>
        <source>Delete trip</source>
        <translation>Supprimer le voyage</translation>
    </message>
    <message>
        <source>Delete the trip “%1”? Its conversation and planning sessions are deleted with it; Undo (Ctrl+Z) brings all of it back.</source>
        <translation>Supprimer le voyage «&#x202f;%1&#x202f;»&#x202f;? Sa conversation et ses sessions de planification sont supprimées avec lui&#x202f;; Annuler (Ctrl+Z) rétablit le tout.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleted “%1”. Undo with Ctrl+Z.</source>
        <translation>Voyage «&#x202f;%1&#x202f;» supprimé. Annulez avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Loading every trip…</source>
        <translation>Chargement de tous les voyages…</translation>
    </message>
    <message>
        <source>Unsent message</source>
        <translation>Message non envoyé</translation>
    </message>
    <message numerus="yes">
        <source>A message to the planner was typed but not sent (%n trips). Quit anyway and lose it?</source>
        <translation>
            <numerusform>Un message destiné au planificateur a été saisi mais pas envoyé (%n voyage). Quitter quand même et le perdre&#x202f;?</numerusform>
            <numerusform>Des messages destinés au planificateur ont été saisis mais pas envoyés (%n voyages). Quitter quand même et les perdre&#x202f;?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit without sending</source>
        <translation>&amp;Quitter sans envoyer</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Exporter la carte</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>Saved the map to %1.</source>
        <translation>Carte enregistrée dans %1.</translation>
    </message>
    <message>
        <source>Export destinations</source>
        <translation>Exporter les destinations</translation>
    </message>
    <message>
        <source>Trip Planner destinations</source>
        <translation>Destinations de Trip Planner</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n destinations; %1 without coordinates left out.</source>
        <translation>
            <numerusform>%n destination exportée&#x202f;; ignorées faute de coordonnées&#x202f;: %1.</numerusform>
            <numerusform>%n destinations exportées&#x202f;; ignorées faute de coordonnées&#x202f;: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a trip first.</source>
        <translation>Sélectionnez d’abord un voyage.</translation>
    </message>
    <message>
        <source>This trip has no places with coordinates yet.</source>
        <translation>Ce voyage n’a encore aucun lieu avec des coordonnées.</translation>
    </message>
    <message>
        <source>Export the trip&apos;s places</source>
        <translation>Exporter les lieux du voyage</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n places.</source>
        <translation>
            <numerusform>%n lieu exporté.</numerusform>
            <numerusform>%n lieux exportés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::MapSettingsPage</name>
    <message>
        <source>The map&apos;s land and borders and the offline gazetteer are built in and always work. These online services add detail when the computer is online.</source>
        <translation>Le fond de carte (terres et frontières) et l’index géographique hors ligne sont intégrés et fonctionnent toujours. Ces services en ligne ajoutent des détails lorsque l’ordinateur est connecté.</translation>
    </message>
    <message>
        <source>Map tiles</source>
        <translation>Tuiles de carte</translation>
    </message>
    <message>
        <source>Show online map tiles when the computer is online</source>
        <translation>Afficher les tuiles en ligne lorsque l’ordinateur est connecté</translation>
    </message>
    <message>
        <source>Tile server</source>
        <translation>Serveur de tuiles</translation>
    </message>
    <message>
        <source>An XYZ template with {z}, {x} and {y}. The OpenStreetMap tile server is used within its usage policy: tiles are cached for at least 7 days and only the tiles on screen are fetched.</source>
        <translation>Modèle XYZ avec {z}, {x} et {y}. Le serveur de tuiles OpenStreetMap est utilisé dans le respect de sa politique d’utilisation&#x202f;: les tuiles sont mises en cache au moins 7 jours et seules celles affichées à l’écran sont téléchargées.</translation>
    </message>
    <message>
        <source>Attribution shown on the map</source>
        <translation>Attribution affichée sur la carte</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>Online place search</source>
        <translation>Recherche de lieux en ligne</translation>
    </message>
    <message>
        <source>Offer &quot;Search online&quot; in the destination editor</source>
        <translation>Proposer «&#x202f;Rechercher en ligne&#x202f;» dans l’éditeur de destination</translation>
    </message>
    <message>
        <source>Nominatim server</source>
        <translation>Serveur Nominatim</translation>
    </message>
    <message>
        <source>A place name is sent only when you press &quot;Search online&quot;, at most one request a second; answers are kept in the database so that a question is asked once.</source>
        <translation>Un nom de lieu n’est envoyé que lorsque vous cliquez sur «&#x202f;Rechercher en ligne&#x202f;», à raison d’une requête par seconde au plus&#x202f;; les réponses sont conservées dans la base de données pour qu’une même question ne soit posée qu’une fois.</translation>
    </message>
</context>
<context>
    <name>tp::ui::MapWidget</name>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom arrière (-)</translation>
    </message>
    <message>
        <source>Show all markers (Home)</source>
        <translation>Afficher tous les marqueurs (Home)</translation>
    </message>
    <message>
        <source>Show the trip&apos;s places (Home)</source>
        <translation>Afficher les lieux du voyage (Home)</translation>
    </message>
    <message>
        <source>Chosen destination of this trip</source>
        <translation>Destination choisie pour ce voyage</translation>
    </message>
    <message>
        <source>Selected destination</source>
        <translation>Destination sélectionnée</translation>
    </message>
    <message>
        <source>Recommended by the planner</source>
        <translation>Recommandée par le planificateur</translation>
    </message>
    <message>
        <source>Destination in your catalogue</source>
        <translation>Destination de votre catalogue</translation>
    </message>
    <message>
        <source>Several destinations (click to zoom in)</source>
        <translation>Plusieurs destinations (cliquez pour zoomer)</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Hébergement</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Idea, not scheduled yet</source>
        <translation>Idée, pas encore planifiée</translation>
    </message>
    <message>
        <source>Leg (dashed: a flight)</source>
        <translation>Trajet (pointillés&#x202f;: vol)</translation>
    </message>
    <message>
        <source>Start or end of a leg</source>
        <translation>Début ou fin d’un trajet</translation>
    </message>
    <message>
        <source>Picked position</source>
        <translation>Position choisie</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Hide the legend</source>
        <translation>Masquer la légende</translation>
    </message>
    <message>
        <source>Show what the markers&apos; colours mean</source>
        <translation>Afficher la signification des couleurs des marqueurs</translation>
    </message>
    <message>
        <source>Show the legend</source>
        <translation>Afficher la légende</translation>
    </message>
    <message>
        <source>Best time to visit: %1</source>
        <translation>Meilleure période&#x202f;: %1</translation>
    </message>
    <message>
        <source>Daily cost: %1</source>
        <translation>Coût journalier&#x202f;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n destinations here; click to zoom in</source>
        <translation>
            <numerusform>%n destination ici&#x202f;; cliquez pour zoomer</numerusform>
            <numerusform>%n destinations ici&#x202f;; cliquez pour zoomer</numerusform>
        </translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recommandée</translation>
    </message>
    <message>
        <source>(approximate position)</source>
        <translation>(position approximative)</translation>
    </message>
</context>
<context>
    <name>tp::ui::MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planificateur</translation>
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
        <translation>Ville, pays</translation>
    </message>
    <message>
        <source>Find pla&amp;ce</source>
        <translation>&amp;Chercher le lieu</translation>
    </message>
    <message>
        <source>Pick on &amp;map…</source>
        <translation>Ch&amp;oisir sur la carte…</translation>
    </message>
    <message>
        <source>Click the place on a map</source>
        <translation>Indiquer le lieu en cliquant sur une carte</translation>
    </message>
    <message>
        <source>Places found online</source>
        <translation>Lieux trouvés en ligne</translation>
    </message>
    <message>
        <source>No coordinates: Find place or Pick on map to add them.</source>
        <translation>Pas de coordonnées&#x202f;: utilisez «&#x202f;Chercher le lieu&#x202f;» ou «&#x202f;Choisir sur la carte&#x202f;» pour les ajouter.</translation>
    </message>
    <message>
        <source>The online search changed: press Find place again.</source>
        <translation>La recherche en ligne a changé&#x202f;: cliquez à nouveau sur «&#x202f;Chercher le lieu&#x202f;».</translation>
    </message>
    <message>
        <source>The online search was turned off.</source>
        <translation>La recherche en ligne a été désactivée.</translation>
    </message>
    <message>
        <source>Looks the place up in the offline gazetteer, then on OpenStreetMap Nominatim (sends the name to nominatim.openstreetmap.org or the server set in Settings → Map).</source>
        <translation>Recherche le lieu dans l’index géographique hors ligne, puis sur OpenStreetMap Nominatim (envoie le nom à nominatim.openstreetmap.org ou au serveur défini dans Paramètres → Carte).</translation>
    </message>
    <message>
        <source>Looks the place up in the offline gazetteer. Online search is turned off (Settings → Map).</source>
        <translation>Recherche le lieu dans l’index géographique hors ligne. La recherche en ligne est désactivée (Paramètres → Carte).</translation>
    </message>
    <message>
        <source>Type the place&apos;s name first.</source>
        <translation>Saisissez d’abord le nom du lieu.</translation>
    </message>
    <message>
        <source>Looking up %1 in the offline gazetteer…</source>
        <translation>Recherche de %1 dans l’index géographique hors ligne…</translation>
    </message>
    <message>
        <source>%1 was not found in the offline gazetteer (online search is turned off: Settings → Map).</source>
        <translation>%1 est introuvable dans l’index géographique hors ligne (la recherche en ligne est désactivée&#x202f;: Paramètres → Carte).</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2&#x202f;: %3</translation>
    </message>
    <message>
        <source>%1 (the country&apos;s centre, approximate): %2</source>
        <translation>%1 (centre du pays, approximatif)&#x202f;: %2</translation>
    </message>
    <message>
        <source>%1 is not in the offline gazetteer; searching OpenStreetMap Nominatim…</source>
        <translation>%1 ne figure pas dans l’index géographique hors ligne&#x202f;; recherche sur OpenStreetMap Nominatim…</translation>
    </message>
    <message>
        <source>Neither the offline gazetteer nor OpenStreetMap Nominatim found %1.</source>
        <translation>Ni l’index géographique hors ligne ni OpenStreetMap Nominatim n’ont trouvé %1.</translation>
    </message>
    <message>
        <source>%1: %2. Search data © OpenStreetMap contributors (ODbL).</source>
        <translation>%1&#x202f;: %2. Données de recherche © contributeurs d’OpenStreetMap (ODbL).</translation>
    </message>
    <message>
        <source>Picked on the map: %1</source>
        <translation>Choisi sur la carte&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanEditor</name>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Hébergements</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>Itinéraire</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Ask the planner for proposals for this stage (%1); nothing enters the plan until you accept it</source>
        <translation>Demander au planificateur des propositions pour cette étape (%1)&#x202f;; rien n’entre dans le plan tant que vous ne l’avez pas accepté</translation>
    </message>
    <message>
        <source>Stop asking the planner</source>
        <translation>Interrompre la demande</translation>
    </message>
    <message>
        <source>Suggest stays…</source>
        <translation>Suggérer des hébergements…</translation>
    </message>
    <message>
        <source>Suggest activities…</source>
        <translation>Suggérer des activités…</translation>
    </message>
    <message>
        <source>Draft the itinerary…</source>
        <translation>Ébaucher l’itinéraire…</translation>
    </message>
    <message>
        <source>Estimate the budget…</source>
        <translation>Estimer le budget…</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanLayer</name>
    <message>
        <source>number %1 of the day</source>
        <translation>n° %1 du jour</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanSection</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 comporte des modifications non enregistrées. Les enregistrer&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Ignorer les modifications</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanningPanel</name>
    <message>
        <source>Planning stages</source>
        <translation>Étapes de planification</translation>
    </message>
    <message>
        <source>Start planning</source>
        <translation>Commencer la planification</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <source>Back one stage</source>
        <translation>Revenir d’une étape</translation>
    </message>
    <message>
        <source>Advance ▶</source>
        <translation>Avancer ▶</translation>
    </message>
    <message>
        <source>Advance to the next stage</source>
        <translation>Passer à l’étape suivante</translation>
    </message>
    <message>
        <source>Back one stage (Alt+Left)</source>
        <translation>Revenir d’une étape (Alt+Left)</translation>
    </message>
    <message>
        <source>Advance to the next stage (Alt+Right)</source>
        <translation>Passer à l’étape suivante (Alt+Right)</translation>
    </message>
    <message>
        <source>Planning is completed from the final review: advance to it first.</source>
        <translation>La planification se termine depuis la vérification finale&#x202f;: passez d’abord à cette étape.</translation>
    </message>
    <message>
        <source>Writing the itinerary to %1…</source>
        <translation>Écriture de l’itinéraire dans %1…</translation>
    </message>
    <message>
        <source>Select a trip to see its planning session.</source>
        <translation>Sélectionnez un voyage pour voir sa session de planification.</translation>
    </message>
    <message>
        <source>Start a new session</source>
        <translation>Commencer une nouvelle session</translation>
    </message>
    <message>
        <source>No active planning session. Start one to work through the stages.</source>
        <translation>Aucune session de planification active. Commencez-en une pour parcourir les étapes.</translation>
    </message>
    <message>
        <source>Planning completed: all %1 stages done · started %2</source>
        <translation>Planification terminée&#x202f;: les %1 étapes sont accomplies · commencée le %2</translation>
    </message>
    <message>
        <source>Stage %1 of %2: %3 · %4 of %2 stages completed · started %5</source>
        <translation>Étape %1 sur %2&#x202f;: %3 · %4 étapes sur %2 accomplies · commencée le %5</translation>
    </message>
    <message>
        <source>Asking the planner…</source>
        <translation>Consultation du planificateur…</translation>
    </message>
    <message>
        <source>The planner: %1</source>
        <translation>Planificateur&#x202f;: %1</translation>
    </message>
    <message>
        <source>The planner did not answer (%1); trying again in %2 s (attempt %3)…</source>
        <translation>Le planificateur n’a pas répondu (%1)&#x202f;; nouvelle tentative dans %2 s (essai %3)…</translation>
    </message>
    <message>
        <source>Stopped asking the planner; nothing was changed.</source>
        <translation>Demande au planificateur interrompue&#x202f;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The planner could not make proposals: %1 Nothing was changed.</source>
        <translation>Le planificateur n’a pas pu faire de propositions&#x202f;: %1 Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The plan or the trip changed while the proposals were open: nothing was added. Ask again for proposals that fit them as they are now.</source>
        <translation>Le plan ou le voyage a changé pendant que les propositions étaient ouvertes&#x202f;: rien n’a été ajouté. Redemandez des propositions adaptées à leur état actuel.</translation>
    </message>
    <message>
        <source>Nothing was added: %1</source>
        <translation>Rien n’a été ajouté&#x202f;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Accepter %n suggestion</numerusform>
            <numerusform>Accepter %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n suggestion(s) to the plan; Undo (Ctrl+Z) takes them out again.</source>
        <translation>
            <numerusform>%n suggestion ajoutée au plan&#x202f;; Annuler (Ctrl+Z) la retire.</numerusform>
            <numerusform>%n suggestions ajoutées au plan&#x202f;; Annuler (Ctrl+Z) les retire.</numerusform>
        </translation>
    </message>
    <message>
        <source>The estimate goes to the trip&apos;s budget (in its details).</source>
        <translation>L’estimation est reportée dans le budget du voyage (dans ses détails).</translation>
    </message>
</context>
<context>
    <name>tp::ui::PreferencesDialog</name>
    <message>
        <source>Travel preferences</source>
        <translation>Préférences de voyage</translation>
    </message>
    <message>
        <source>What you like when travelling</source>
        <translation>Ce que vous aimez en voyage</translation>
    </message>
    <message>
        <source>Beaches, food markets, slow mornings…</source>
        <translation>Plages, marchés, matinées tranquilles…</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>no minimum</source>
        <translation>pas de minimum</translation>
    </message>
    <message>
        <source>Minimum budget</source>
        <translation>Budget minimum</translation>
    </message>
    <message>
        <source>Budget from</source>
        <translation>Budget à partir de</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>pas de maximum</translation>
    </message>
    <message>
        <source>Maximum budget</source>
        <translation>Budget maximum</translation>
    </message>
    <message>
        <source>Budget up to</source>
        <translation>Budget jusqu’à</translation>
    </message>
    <message>
        <source>Preferred group size</source>
        <translation>Taille de groupe préférée</translation>
    </message>
    <message>
        <source>Group size</source>
        <translation>Taille du groupe</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Budget from:</source>
        <translation>Budget à partir de&#x202f;:</translation>
    </message>
    <message>
        <source>Budget up to:</source>
        <translation>Budget jusqu’à&#x202f;:</translation>
    </message>
    <message>
        <source>Group size:</source>
        <translation>Taille du groupe&#x202f;:</translation>
    </message>
    <message>
        <source>Preferences:</source>
        <translation>Préférences&#x202f;:</translation>
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
            <numerusform>%1&#x202f;: du %2 au %3 (%n nuit)</numerusform>
            <numerusform>%1&#x202f;: du %2 au %3 (%n nuits)</numerusform>
        </translation>
    </message>
    <message>
        <source>Idea: %1</source>
        <translation>Idée&#x202f;: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#x202f;: %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2&#x202f;: %3</translation>
    </message>
    <message>
        <source>%1, %2–%3: %4</source>
        <translation>%1, %2–%3&#x202f;: %4</translation>
    </message>
    <message>
        <source>Suggested stays</source>
        <translation>Hébergements suggérés</translation>
    </message>
    <message>
        <source>Suggested activities</source>
        <translation>Activités suggérées</translation>
    </message>
    <message>
        <source>A draft itinerary</source>
        <translation>Un projet d’itinéraire</translation>
    </message>
    <message>
        <source>A budget estimate</source>
        <translation>Une estimation du budget</translation>
    </message>
    <message>
        <source>%1 for “%2”</source>
        <translation>%1 pour «&#x202f;%2&#x202f;»</translation>
    </message>
    <message>
        <source>A suggestion to verify: check that it exists and is open before you book.</source>
        <translation>Suggestion à vérifier&#x202f;: assurez-vous qu’elle existe et qu’elle est ouverte avant de réserver.</translation>
    </message>
    <message>
        <source>Cannot be accepted: %1 %2</source>
        <translation>Impossible à accepter&#x202f;: %1 %2</translation>
    </message>
    <message>
        <source>&amp;Accept selected</source>
        <translation>&amp;Accepter la sélection</translation>
    </message>
    <message>
        <source>Accept a&amp;ll</source>
        <translation>&amp;Tout accepter</translation>
    </message>
    <message>
        <source>&amp;Edit first…</source>
        <translation>&amp;Modifier d’abord…</translation>
    </message>
    <message>
        <source>Open this stay or activity in its stage&apos;s form to change it before it is added</source>
        <translation>Ouvrir cet hébergement ou cette activité dans le formulaire de son étape pour le modifier avant de l’ajouter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Ignorer</translation>
    </message>
</context>
<context>
    <name>tp::ui::ReviewView</name>
    <message>
        <source>What is missing</source>
        <translation>Ce qui manque</translation>
    </message>
    <message>
        <source>Export to &amp;calendar…</source>
        <translation>Exporter vers le &amp;calendrier…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Exporter en P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Reads booking confirmations (.ics) and places (GPX, KML, GeoJSON) into the plan</source>
        <translation>Importe dans le plan des confirmations de réservation (.ics) et des lieux (GPX, KML, GeoJSON)</translation>
    </message>
    <message>
        <source>C&amp;omplete planning</source>
        <translation>&amp;Terminer la planification</translation>
    </message>
    <message>
        <source>Nothing is missing: everything is booked.</source>
        <translation>Rien ne manque&#x202f;: tout est réservé.</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>Rien ne manque.</translation>
    </message>
    <message numerus="yes">
        <source>%n things to look at before the trip (Enter on one shows it):</source>
        <translation>
            <numerusform>%n point à vérifier avant le voyage (Enter dessus pour l’afficher)&#x202f;:</numerusform>
            <numerusform>%n points à vérifier avant le voyage (Enter sur l’un d’eux pour l’afficher)&#x202f;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Use the password and keys for this session only (they are not saved and must be entered again next time)</source>
        <translation>Utiliser le mot de passe et les clés pour cette session uniquement (ils ne sont pas enregistrés et devront être saisis à nouveau la prochaine fois)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>AI planner</source>
        <translation>Planificateur IA</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Built-in database file on this computer (recommended)</source>
        <translation>Fichier de base de données intégré sur cet ordinateur (recommandé)</translation>
    </message>
    <message>
        <source>PostgreSQL or Neon server</source>
        <translation>Serveur PostgreSQL ou Neon</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Fichier de base de données</translation>
    </message>
    <message>
        <source>Reveal in file manager</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Déplacer vers…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Paste a connection string: postgresql://user:password@host/dbname?sslmode=require</source>
        <translation>Collez une chaîne de connexion&#x202f;: postgresql://user:password@host/dbname?sslmode=require</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Connection string:</source>
        <translation>Chaîne de connexion&#x202f;:</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>dans le trousseau système</translation>
    </message>
    <message>
        <source>require (encrypted; needed for Neon)</source>
        <translation>require (chiffré&#x202f;; requis pour Neon)</translation>
    </message>
    <message>
        <source>verify-full (encrypted, certificate and host checked)</source>
        <translation>verify-full (chiffré, certificat et hôte vérifiés)</translation>
    </message>
    <message>
        <source>verify-ca (encrypted, certificate checked)</source>
        <translation>verify-ca (chiffré, certificat vérifié)</translation>
    </message>
    <message>
        <source>prefer (encrypted when the server offers it)</source>
        <translation>prefer (chiffré si le serveur le propose)</translation>
    </message>
    <message>
        <source>allow (unencrypted unless the server insists)</source>
        <translation>allow (non chiffré, sauf si le serveur l’exige)</translation>
    </message>
    <message>
        <source>disable (never encrypted)</source>
        <translation>disable (jamais chiffré)</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte&#x202f;:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port&#x202f;:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données&#x202f;:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur&#x202f;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#x202f;:</translation>
    </message>
    <message>
        <source>TLS (sslmode):</source>
        <translation>TLS (sslmode)&#x202f;:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>Annuler le test</translation>
    </message>
    <message>
        <source>Built-in offline planner (no account, nothing leaves this computer)</source>
        <translation>Planificateur intégré hors ligne (sans compte, rien ne quitte cet ordinateur)</translation>
    </message>
    <message>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <source>OpenAI-compatible endpoint (OpenAI, Ollama, …)</source>
        <translation>Point d’accès compatible OpenAI (OpenAI, Ollama, …)</translation>
    </message>
    <message>
        <source>Planner:</source>
        <translation>Planificateur&#x202f;:</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL de base&#x202f;:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle&#x202f;:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clé d’API&#x202f;:</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>The system keychain cannot be used: %1 Passwords and API keys cannot be saved on this computer. They are never written to a file instead; you may use them for this session only.</source>
        <translation>Le trousseau système est inutilisable&#x202f;: %1 Les mots de passe et clés d’API ne peuvent pas être enregistrés sur cet ordinateur. Ils ne sont jamais écrits dans un fichier à la place&#x202f;; vous pouvez les utiliser pour cette session uniquement.</translation>
    </message>
    <message>
        <source>The saved server settings are not valid: %1</source>
        <translation>Les paramètres de serveur enregistrés ne sont pas valides&#x202f;: %1</translation>
    </message>
    <message>
        <source>Other parameters: %1</source>
        <translation>Autres paramètres&#x202f;: %1</translation>
    </message>
    <message>
        <source>Reading the system keychain…</source>
        <translation>Lecture du trousseau système…</translation>
    </message>
    <message>
        <source>The settings file holds the database password inside database.url. It is not used from there: the file is plain text that anything running under your account can read.</source>
        <translation>Le fichier de paramètres contient le mot de passe de la base de données dans database.url. Il n’est pas utilisé depuis cet emplacement&#x202f;: le fichier est en texte brut, lisible par tout ce qui s’exécute sous votre compte.</translation>
    </message>
    <message>
        <source>The system keychain cannot be used, so it cannot be kept safely on this computer. You may use it for this session only: the settings file is then rewritten without it, and you enter it again the next time.</source>
        <translation>Le trousseau système est inutilisable&#x202f;: le mot de passe ne peut donc pas être conservé en sécurité sur cet ordinateur. Vous pouvez l’utiliser pour cette session uniquement&#x202f;: le fichier de paramètres est alors réécrit sans lui, et vous devrez le saisir à nouveau la prochaine fois.</translation>
    </message>
    <message>
        <source>Use it for this session &amp;only</source>
        <translation>Utiliser pour cette session &amp;uniquement</translation>
    </message>
    <message>
        <source>Move it to the system keychain, where the app reads it; the settings file is then rewritten without it.</source>
        <translation>Déplacez-le dans le trousseau système, où l’application le lit&#x202f;; le fichier de paramètres est alors réécrit sans lui.</translation>
    </message>
    <message>
        <source>The keychain already holds the same password.</source>
        <translation>Le trousseau contient déjà le même mot de passe.</translation>
    </message>
    <message>
        <source>The keychain already holds another database password, which is the one in use; moving replaces it.</source>
        <translation>Le trousseau contient déjà un autre mot de passe de base de données, qui est celui utilisé&#x202f;; le déplacement le remplace.</translation>
    </message>
    <message>
        <source>&amp;Move the password to the keychain</source>
        <translation>&amp;Déplacer le mot de passe dans le trousseau</translation>
    </message>
    <message>
        <source>Some values in the settings file (%1) were ignored when the settings were read; the defaults are used instead. Saving here writes valid values over them.</source>
        <translation>Certaines valeurs du fichier de paramètres (%1) ont été ignorées à la lecture des paramètres&#x202f;; les valeurs par défaut sont utilisées à la place. Enregistrer ici les remplace par des valeurs valides.</translation>
    </message>
    <message>
        <source>The password was not moved: %1</source>
        <translation>Le mot de passe n’a pas été déplacé&#x202f;: %1</translation>
    </message>
    <message>
        <source>The password is kept, but the settings file could not be rewritten without it: %1</source>
        <translation>Le mot de passe est conservé, mais le fichier de paramètres n’a pas pu être réécrit sans lui&#x202f;: %1</translation>
    </message>
    <message>
        <source>The database password is used for this session only, and the settings file no longer holds it. Enter it again the next time, or once the keychain works.</source>
        <translation>Le mot de passe de la base de données n’est utilisé que pour cette session, et le fichier de paramètres ne le contient plus. Saisissez-le à nouveau la prochaine fois, ou une fois le trousseau opérationnel.</translation>
    </message>
    <message>
        <source>The database password is now in the system keychain, and the settings file no longer holds it.</source>
        <translation>Le mot de passe de la base de données est désormais dans le trousseau système, et le fichier de paramètres ne le contient plus.</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>par défaut&#x202f;: %1</translation>
    </message>
    <message>
        <source>Expected a postgresql:// connection string.</source>
        <translation>Chaîne de connexion postgresql:// attendue.</translation>
    </message>
    <message>
        <source>Connection string applied.</source>
        <translation>Chaîne de connexion appliquée.</translation>
    </message>
    <message>
        <source>Connection string applied; its password will be kept in the system keychain.</source>
        <translation>Chaîne de connexion appliquée&#x202f;; son mot de passe sera conservé dans le trousseau système.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name.</source>
        <translation>Saisissez le nom d’hôte du serveur.</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>Saisissez le nom de la base de données.</translation>
    </message>
    <message>
        <source>Connecting to %1… %2 s (a suspended Neon database takes a few seconds to wake)</source>
        <translation>Connexion à %1… %2 s (une base Neon en veille met quelques secondes à se réveiller)</translation>
    </message>
    <message>
        <source>Waiting for the provider… %1 s</source>
        <translation>En attente du fournisseur… %1 s</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test annulé.</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>Saisissez d’abord la clé d’API.</translation>
    </message>
    <message>
        <source>Move the database file to</source>
        <translation>Déplacer le fichier de base de données vers</translation>
    </message>
    <message>
        <source>Database files (*.sqlite3 *.db)</source>
        <translation>Fichiers de base de données (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>The database is in use; the file was not moved.</source>
        <translation>La base de données est en cours d’utilisation&#x202f;; le fichier n’a pas été déplacé.</translation>
    </message>
    <message>
        <source>Copying the database to %1…</source>
        <translation>Copie de la base de données vers %1…</translation>
    </message>
    <message>
        <source>The database was not moved: %1</source>
        <translation>La base de données n’a pas été déplacée&#x202f;: %1</translation>
    </message>
    <message>
        <source>The database now lives in %1. The previous file %2 was kept; delete it when you no longer need it.</source>
        <translation>La base de données se trouve désormais dans %1. L’ancien fichier %2 a été conservé&#x202f;; supprimez-le quand vous n’en aurez plus besoin.</translation>
    </message>
    <message>
        <source>Not saved: the system keychain is not available. Tick &quot;for this session only&quot; to use the secrets until the app quits, or try again once the keychain is unlocked.</source>
        <translation>Non enregistré&#x202f;: le trousseau système n’est pas disponible. Cochez «&#x202f;pour cette session uniquement&#x202f;» pour utiliser les secrets jusqu’à la fermeture de l’application, ou réessayez une fois le trousseau déverrouillé.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#x202f;: %1</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host and database, or choose the built-in file.</source>
        <translation>Saisissez l’hôte et la base de données du serveur, ou choisissez le fichier intégré.</translation>
    </message>
    <message>
        <source>PostgreSQL is selected but no server is set.</source>
        <translation>PostgreSQL est sélectionné, mais aucun serveur n’est défini.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>tp::ui::SettingsFlow</name>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Saved. DATABASE_URL is set in the environment and takes precedence over the settings.</source>
        <translation>Enregistré. La variable DATABASE_URL est définie dans l’environnement et prévaut sur les paramètres.</translation>
    </message>
    <message>
        <source>Trip Planner will now use %1. Restart to connect to it?</source>
        <translation>Trip Planner utilisera désormais %1. Redémarrer pour s’y connecter&#x202f;?</translation>
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
        <translation>%1 (étape actuelle)</translation>
    </message>
    <message>
        <source>%1 (done)</source>
        <translation>%1 (étape franchie)</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>Progression&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::StaysEditor</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>Nights</source>
        <translation>Nuits</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Hébergements</translation>
    </message>
    <message>
        <source>Per ni&amp;ght</source>
        <translation>&amp;Par nuit</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idée</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>No&amp;m</translation>
    </message>
    <message>
        <source>Pl&amp;ace</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>Check-&amp;in</source>
        <translation>Arri&amp;vée</translation>
    </message>
    <message>
        <source>Check-&amp;out</source>
        <translation>&amp;Départ</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>Dev&amp;ise</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>Pri&amp;x</translation>
    </message>
    <message>
        <source>Booking &amp;ref</source>
        <translation>&amp;Réf. de réservation</translation>
    </message>
    <message>
        <source>Lin&amp;k</source>
        <translation>Lie&amp;n</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;ut</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Booking ref</source>
        <translation>Réf. de réservation</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Ne&amp;w stay</source>
        <translation>Nouvel &amp;hébergement</translation>
    </message>
    <message>
        <source>&amp;Save stay</source>
        <translation>Enre&amp;gistrer l’hébergement</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>%n nights without a stay: %1</source>
        <translation>
            <numerusform>%n nuit sans hébergement&#x202f;: %1</numerusform>
            <numerusform>%n nuits sans hébergement&#x202f;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” and “%2” overlap on %3</source>
        <translation>«&#x202f;%1&#x202f;» et «&#x202f;%2&#x202f;» se chevauchent&#x202f;: %3</translation>
    </message>
    <message>
        <source>Every night of the trip has a stay.</source>
        <translation>Chaque nuit du voyage a un hébergement.</translation>
    </message>
    <message>
        <source> a night</source>
        <translation> par nuit</translation>
    </message>
    <message>
        <source>Edit stay %1</source>
        <translation>Modifier l’hébergement %1</translation>
    </message>
    <message>
        <source>Add stay %1</source>
        <translation>Ajouter l’hébergement %1</translation>
    </message>
    <message>
        <source>Remove stay %1</source>
        <translation>Supprimer l’hébergement %1</translation>
    </message>
    <message>
        <source>The new stay</source>
        <translation>Le nouvel hébergement</translation>
    </message>
    <message>
        <source>The stay “%1”</source>
        <translation>L’hébergement «&#x202f;%1&#x202f;»</translation>
    </message>
</context>
<context>
    <name>tp::ui::TripEditor</name>
    <message>
        <source>Where to, and why?</source>
        <translation>Où aller, et pourquoi&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>(no destination)</source>
        <translation>(aucune destination)</translation>
    </message>
    <message>
        <source>Dest&amp;ination</source>
        <translation>Dest&amp;ination</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Dates</translation>
    </message>
    <message>
        <source>e.g. 2500.00</source>
        <translation>p. ex. 2500.00</translation>
    </message>
    <message>
        <source>&amp;Budget</source>
        <translation>&amp;Budget</translation>
    </message>
    <message>
        <source>Tr&amp;avellers</source>
        <translation>Voya&amp;geurs</translation>
    </message>
    <message>
        <source>Set stat&amp;us:</source>
        <translation>Définir le stat&amp;ut&#x202f;:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Desc&amp;ription</source>
        <translation>Desc&amp;ription</translation>
    </message>
    <message>
        <source>Discard c&amp;hanges</source>
        <translation>Ignorer les &amp;modifications</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>E&amp;nregistrer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Travellers</source>
        <translation>Voyageurs</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>New trip</source>
        <translation>Nouveau voyage</translation>
    </message>
    <message>
        <source>Edit trip</source>
        <translation>Modifier le voyage</translation>
    </message>
    <message>
        <source>&amp;Create trip</source>
        <translation>Créer le &amp;voyage</translation>
    </message>
    <message>
        <source> (now)</source>
        <translation> (statut actuel)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>à venir</translation>
    </message>
    <message>
        <source>past or under way</source>
        <translation>passé ou en cours</translation>
    </message>
    <message>
        <source>Cannot save: %1 %2</source>
        <translation>Enregistrement impossible&#x202f;: %1 %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Aucune modification.</translation>
    </message>
</context>
<context>
    <name>tp::ui::itinerarytext</name>
    <message>
        <source>Travel</source>
        <translation>Trajet</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source> · night: %1</source>
        <translation> · nuit&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::plan_files</name>
    <message>
        <source>Export to calendar</source>
        <translation>Exporter vers le calendrier</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Not exported: %1 cannot be written (%2).</source>
        <translation>Non exporté&#x202f;: impossible d’écrire %1 (%2).</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n events to %1.</source>
        <translation>
            <numerusform>%n événement exporté vers %1.</numerusform>
            <numerusform>%n événements exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in the calendar: %1</source>
        <translation>Absent du calendrier&#x202f;: %1</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Non exporté&#x202f;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the itinerary (%n pages) to %1.</source>
        <translation>
            <numerusform>Itinéraire (%n page) enregistré dans %1.</numerusform>
            <numerusform>Itinéraire (%n pages) enregistré dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import into the plan</source>
        <translation>Importer dans le plan</translation>
    </message>
    <message>
        <source>Calendars and places (*.ics *.gpx *.kml *.geojson *.json);;All files (*)</source>
        <translation>Calendriers et lieux (*.ics *.gpx *.kml *.geojson *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Impossible de lire %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>idea: %1</source>
        <translation>idée&#x202f;: %1</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n features that are not single places</source>
        <translation>
            <numerusform>%n entité ignorée (pas un lieu unique)</numerusform>
            <numerusform>%n entités ignorées (pas des lieux uniques)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no places to add.</source>
        <translation>%1 ne contient aucun lieu à ajouter.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n ideas from %1</source>
        <translation>
            <numerusform>Importer %n idée depuis %1</numerusform>
            <numerusform>Importer %n idées depuis %1</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>ignoré&#x202f;: %1</translation>
    </message>
    <message>
        <source>%1 holds no stays, legs or activities to add.</source>
        <translation>%1 ne contient aucun hébergement, trajet ou activité à ajouter.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n items from %1</source>
        <translation>
            <numerusform>Importer %n élément depuis %1</numerusform>
            <numerusform>Importer %n éléments depuis %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>Impossible d’importer %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>Recognised in %1:

%2

Add to the plan?</source>
        <translation>Éléments reconnus dans %1&#x202f;:

%2

Les ajouter au plan&#x202f;?</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
</context>
</TS>
