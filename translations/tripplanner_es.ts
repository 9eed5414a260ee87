<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>LegsEditor</name>
    <message>
        <source>Flight</source>
        <translation>Vuelo</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Tren</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Autobús</translation>
    </message>
    <message>
        <source>Ferry</source>
        <translation>Ferri</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>Coche</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson);;GPX (*.gpx)</source>
        <translation>GeoJSON (*.geojson);;GPX (*.gpx)</translation>
    </message>
    <message>
        <source>Made with Natural Earth</source>
        <translation>Hecho con Natural Earth</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Alojamientos</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Actividades</translation>
    </message>
    <message>
        <source>Food and daily costs</source>
        <translation>Comida y gastos diarios</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Planning</source>
        <translation>En planificación</translation>
    </message>
    <message>
        <source>AI Chat Active</source>
        <translation>Conversación con el planificador</translation>
    </message>
    <message>
        <source>Destination Selected</source>
        <translation>Destino elegido</translation>
    </message>
    <message>
        <source>Hotels Selected</source>
        <translation>Alojamientos elegidos</translation>
    </message>
    <message>
        <source>Flights Selected</source>
        <translation>Vuelos elegidos</translation>
    </message>
    <message>
        <source>Activities Planned</source>
        <translation>Actividades planificadas</translation>
    </message>
    <message>
        <source>Itinerary Complete</source>
        <translation>Itinerario completo</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Destination Selection</source>
        <translation>Elección del destino</translation>
    </message>
    <message>
        <source>Hotel/Accommodation Planning</source>
        <translation>Alojamiento</translation>
    </message>
    <message>
        <source>Flight Planning</source>
        <translation>Vuelos</translation>
    </message>
    <message>
        <source>Activity Planning</source>
        <translation>Actividades</translation>
    </message>
    <message>
        <source>Itinerary Building</source>
        <translation>Elaboración del itinerario</translation>
    </message>
    <message>
        <source>Final Review</source>
        <translation>Revisión final</translation>
    </message>
    <message>
        <source>Planning Completed</source>
        <translation>Planificación completada</translation>
    </message>
    <message>
        <source>Getting Initial Preferences</source>
        <translation>Recogiendo las preferencias iniciales</translation>
    </message>
    <message>
        <source>Generating Clarifying Questions</source>
        <translation>Generando preguntas aclaratorias</translation>
    </message>
    <message>
        <source>Asking Clarification Questions</source>
        <translation>Haciendo preguntas aclaratorias</translation>
    </message>
    <message>
        <source>Generating Destination Recommendations</source>
        <translation>Generando recomendaciones de destinos</translation>
    </message>
    <message>
        <source>Destinations Generated</source>
        <translation>Destinos generados</translation>
    </message>
    <message>
        <source>User Committed to Destination</source>
        <translation>Destino decidido por el usuario</translation>
    </message>
</context>
<context>
    <name>TripCommands</name>
    <message>
        <source>create “%1”</source>
        <translation>crear “%1”</translation>
    </message>
    <message>
        <source>edit “%1”</source>
        <translation>editar “%1”</translation>
    </message>
    <message>
        <source>delete “%1”</source>
        <translation>eliminar “%1”</translation>
    </message>
    <message>
        <source>Restored “%1”.</source>
        <translation>Se restauró “%1”.</translation>
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
        <translation>Planifique viajes en su equipo o en PostgreSQL.</translation>
    </message>
    <message>
        <source>Open with the newest trip selected and VIEW shown: trips, conversation, planning, planning:STAGE (accommodation, flights, activities, itinerary, budget, finalization), suggest:STAGE (the planner&apos;s proposals for accommodation, activities, itinerary or budget), map, destinations or editor (the destination editor).</source>
        <translation>Abre la aplicación con el viaje más reciente seleccionado y muestra VIEW: trips, conversation, planning, planning:STAGE (accommodation, flights, activities, itinerary, budget, finalization), suggest:STAGE (las propuestas del planificador para accommodation, activities, itinerary o budget), map, destinations o editor (el editor de destinos).</translation>
    </message>
    <message>
        <source>DATABASE_URL is not usable: %1
Using the local database file instead.</source>
        <translation>DATABASE_URL no se puede usar: %1
Se usará en su lugar el archivo de base de datos local.</translation>
    </message>
</context>
<context>
    <name>tp::ActivityCategory</name>
    <message>
        <source>beach</source>
        <translation>playa</translation>
    </message>
    <message>
        <source>hike</source>
        <translation>senderismo</translation>
    </message>
    <message>
        <source>sightseeing</source>
        <translation>turismo</translation>
    </message>
    <message>
        <source>tour</source>
        <translation>visita</translation>
    </message>
    <message>
        <source>museum</source>
        <translation>museo</translation>
    </message>
    <message>
        <source>nature</source>
        <translation>naturaleza</translation>
    </message>
    <message>
        <source>food</source>
        <translation>comida</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>ocio nocturno</translation>
    </message>
    <message>
        <source>wellness</source>
        <translation>bienestar</translation>
    </message>
    <message>
        <source>travel</source>
        <translation>traslado</translation>
    </message>
    <message>
        <source>arrival</source>
        <translation>llegada</translation>
    </message>
    <message>
        <source>departure</source>
        <translation>partida</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>descanso</translation>
    </message>
    <message>
        <source>explore</source>
        <translation>exploración</translation>
    </message>
</context>
<context>
    <name>tp::Catalogue</name>
    <message>
        <source>beaches and sea</source>
        <translation>playas y mar</translation>
    </message>
    <message>
        <source>mountains and hiking</source>
        <translation>montaña y senderismo</translation>
    </message>
    <message>
        <source>city life</source>
        <translation>vida urbana</translation>
    </message>
    <message>
        <source>culture and history</source>
        <translation>cultura e historia</translation>
    </message>
    <message>
        <source>nature and wildlife</source>
        <translation>naturaleza y fauna</translation>
    </message>
    <message>
        <source>food</source>
        <translation>gastronomía</translation>
    </message>
    <message>
        <source>nightlife</source>
        <translation>vida nocturna</translation>
    </message>
    <message>
        <source>low prices</source>
        <translation>precios bajos</translation>
    </message>
    <message>
        <source>comfort and luxury</source>
        <translation>comodidad y lujo</translation>
    </message>
    <message>
        <source>Known for %1.</source>
        <translation>Destaca por %1.</translation>
    </message>
</context>
<context>
    <name>tp::ConnectionErrors</name>
    <message>
        <source>The server name &quot;%1&quot; could not be found. Check the host in the connection settings and that you are online.</source>
        <translation>No se encontró el nombre de servidor «%1». Compruebe el host en la configuración de conexión y que está conectado a internet.</translation>
    </message>
    <message>
        <source>Nothing accepted the connection at %1: the server is down or the port is wrong.</source>
        <translation>Ningún servicio aceptó la conexión en %1: el servidor no está en marcha o el puerto es incorrecto.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time. It may be starting up (a suspended Neon database takes a few seconds), or the network is blocking it.</source>
        <translation>El servidor de %1 no respondió a tiempo. Puede que se esté iniciando (una base de datos de Neon suspendida tarda unos segundos) o que la red lo esté bloqueando.</translation>
    </message>
    <message>
        <source>The server at %1 rejected the user name or password for &quot;%2&quot;.</source>
        <translation>El servidor de %1 rechazó el nombre de usuario o la contraseña de «%2».</translation>
    </message>
    <message>
        <source>The server at %1 accepts only encrypted connections: add ?sslmode=require to the URL.</source>
        <translation>El servidor de %1 solo acepta conexiones cifradas: añada ?sslmode=require a la URL.</translation>
    </message>
    <message>
        <source>The server at %1 does not offer TLS, but the URL requires it (sslmode).</source>
        <translation>El servidor de %1 no ofrece TLS, pero la URL lo exige (sslmode).</translation>
    </message>
    <message>
        <source>The server at %1 has no database named &quot;%2&quot;.</source>
        <translation>El servidor de %1 no tiene ninguna base de datos llamada «%2».</translation>
    </message>
    <message>
        <source>The database file %1 cannot be opened for writing. Check that its folder exists and that you may write to it.</source>
        <translation>No se puede abrir para escritura el archivo de base de datos %1. Compruebe que su carpeta existe y que tiene permiso para escribir en ella.</translation>
    </message>
    <message>
        <source>The database server at %1 is restarting (starting up, shutting down or recovering). Wait a moment and try again.</source>
        <translation>El servidor de base de datos de %1 se está reiniciando (iniciándose, apagándose o recuperándose). Espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database server at %1 has no free connections. Try again in a moment, close other programs using it, or use a pooled endpoint.</source>
        <translation>El servidor de base de datos de %1 no tiene conexiones libres. Vuelva a intentarlo en un momento, cierre otros programas que lo usen o use un punto de conexión agrupado.</translation>
    </message>
    <message>
        <source>Cannot connect to the database at %1 (%2). Check the connection settings, or run `tripplanner-cli doctor`.</source>
        <translation>No se puede conectar con la base de datos de %1 (%2). Compruebe la configuración de conexión o ejecute `tripplanner-cli doctor`.</translation>
    </message>
    <message>
        <source>This would duplicate something that already exists (%1). Change it, or edit the existing one.</source>
        <translation>Esto duplicaría algo que ya existe (%1). Cámbielo o edite el elemento existente.</translation>
    </message>
    <message>
        <source>Another change to the same data happened at the same time. Try again.</source>
        <translation>Otro cambio en los mismos datos se produjo al mismo tiempo. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database refused a value (%1). Correct it and try again.</source>
        <translation>La base de datos rechazó un valor (%1). Corríjalo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database has no function where the app looks for it. Either the tables were never created (run `tripplanner-cli migrate`), or the connection looks in another schema: remove a search_path setting (options=-c search_path=… in the URL, or one set for the database user).</source>
        <translation>La base de datos no tiene ninguna función donde la aplicación la busca. O bien las tablas nunca se crearon (ejecute `tripplanner-cli migrate`), o bien la conexión busca en otro esquema: quite el ajuste search_path (options=-c search_path=… en la URL, o uno definido para el usuario de la base de datos).</translation>
    </message>
    <message>
        <source>The database has no table where the app looks for it. Either the tables were never created (run `tripplanner-cli migrate`), or the connection looks in another schema: remove a search_path setting (options=-c search_path=… in the URL, or one set for the database user).</source>
        <translation>La base de datos no tiene ninguna tabla donde la aplicación la busca. O bien las tablas nunca se crearon (ejecute `tripplanner-cli migrate`), o bien la conexión busca en otro esquema: quite el ajuste search_path (options=-c search_path=… en la URL, o uno definido para el usuario de la base de datos).</translation>
    </message>
    <message>
        <source>The database user may not do this (%1). Connect as the database&apos;s owner, or ask its administrator for the permission.</source>
        <translation>El usuario de la base de datos no tiene permiso para hacer esto (%1). Conéctese como propietario de la base de datos o pida el permiso a su administrador.</translation>
    </message>
    <message>
        <source>The database accepts no changes (a read-only server or user). Connect to the primary server, or as a user that may write.</source>
        <translation>La base de datos no acepta cambios (servidor o usuario de solo lectura). Conéctese al servidor principal o como un usuario con permiso de escritura.</translation>
    </message>
    <message>
        <source>The database cancelled the statement (it took too long, or was cancelled). Try again.</source>
        <translation>La base de datos canceló la instrucción (tardó demasiado o se canceló). Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database server is restarting. Wait a moment and try again.</source>
        <translation>El servidor de base de datos se está reiniciando. Espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database server has no free connections. Try again in a moment.</source>
        <translation>El servidor de base de datos no tiene conexiones libres. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The database server is out of resources (%1). Try again later, or ask its administrator.</source>
        <translation>El servidor de base de datos se ha quedado sin recursos (%1). Vuelva a intentarlo más tarde o consulte a su administrador.</translation>
    </message>
    <message>
        <source>The database file is busy: another program is writing to it. Try again when it has finished.</source>
        <translation>El archivo de base de datos está ocupado: otro programa está escribiendo en él. Vuelva a intentarlo cuando haya terminado.</translation>
    </message>
    <message>
        <source>The database file lacks part of the app&apos;s tables (%1). Run `tripplanner-cli migrate`, or open a file made by Trip Planner.</source>
        <translation>Al archivo de base de datos le faltan algunas tablas de la aplicación (%1). Ejecute `tripplanner-cli migrate` o abra un archivo creado por Trip Planner.</translation>
    </message>
    <message>
        <source>The database file is read-only. Check that you may write to it and to its folder.</source>
        <translation>El archivo de base de datos es de solo lectura. Compruebe que puede escribir en él y en su carpeta.</translation>
    </message>
    <message>
        <source>The disk holding the database file is full or failing. Free some space and try again.</source>
        <translation>El disco que contiene el archivo de base de datos está lleno o falla. Libere espacio y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The file is not a usable database (it is damaged, or not a database). Restore a backup, or choose another file.</source>
        <translation>El archivo no es una base de datos utilizable (está dañado o no es una base de datos). Restaure una copia de seguridad o elija otro archivo.</translation>
    </message>
    <message>
        <source>The database reported an error (%1). Try again; if it persists, run `tripplanner-cli doctor`.</source>
        <translation>La base de datos informó de un error (%1). Vuelva a intentarlo; si persiste, ejecute `tripplanner-cli doctor`.</translation>
    </message>
</context>
<context>
    <name>tp::ConnectionProbe</name>
    <message>
        <source>The test was cancelled.</source>
        <translation>Se canceló la prueba.</translation>
    </message>
    <message>
        <source>the host name is a Neon pooler endpoint (&quot;-pooler&quot;)</source>
        <translation>el nombre de host es un punto de conexión agrupado de Neon («-pooler»)</translation>
    </message>
    <message>
        <source>the server listens on port %1, not on the port %2 of the URL (a connection pooler such as PgBouncer is in between)</source>
        <translation>el servidor escucha en el puerto %1, no en el puerto %2 de la URL (hay un agrupador de conexiones de por medio, como PgBouncer)</translation>
    </message>
    <message>
        <source>The Qt SQL driver %1 is not installed.</source>
        <translation>El controlador SQL de Qt %1 no está instalado.</translation>
    </message>
    <message>
        <source>SQLite (the file will be created on first use)</source>
        <translation>SQLite (el archivo se creará al usarlo por primera vez)</translation>
    </message>
    <message>
        <source>Schema: unknown.</source>
        <translation>Esquema: desconocido.</translation>
    </message>
    <message>
        <source>Schema: could not be read (%1).</source>
        <translation>Esquema: no se pudo leer (%1).</translation>
    </message>
    <message>
        <source>Schema: the database is empty; the app will create its tables.</source>
        <translation>Esquema: la base de datos está vacía; la aplicación creará sus tablas.</translation>
    </message>
    <message>
        <source>Schema: up to date (version %1).</source>
        <translation>Esquema: actualizado (versión %1).</translation>
    </message>
    <message numerus="yes">
        <source>Schema: older than this app (version %1 of %2, %n migrations pending); it can be migrated now.</source>
        <translation>
            <numerusform>Esquema: más antiguo que esta aplicación (versión %1 de %2, %n migración pendiente); se puede migrar ahora.</numerusform>
            <numerusform>Esquema: más antiguo que esta aplicación (versión %1 de %2, %n migraciones pendientes); se puede migrar ahora.</numerusform>
        </translation>
    </message>
    <message>
        <source>Schema: newer than this app (version %1, this app knows up to %2); the app refuses to use it. Update the app.</source>
        <translation>Esquema: más reciente que esta aplicación (versión %1; esta aplicación conoce hasta la %2); la aplicación se niega a usarlo. Actualice la aplicación.</translation>
    </message>
    <message>
        <source>Schema: made by the web app (Django); the app will adopt it and add its own tables.</source>
        <translation>Esquema: creado por la aplicación web (Django); la aplicación lo adoptará y añadirá sus propias tablas.</translation>
    </message>
    <message>
        <source>Schema: the database holds tables that this app did not create.</source>
        <translation>Esquema: la base de datos contiene tablas que esta aplicación no creó.</translation>
    </message>
    <message>
        <source>Not reachable. %1</source>
        <translation>Inaccesible. %1</translation>
    </message>
    <message>
        <source>Connected: %1.</source>
        <translation>Conectado: %1.</translation>
    </message>
    <message>
        <source>TLS: on (the connection is encrypted).</source>
        <translation>TLS: activado (la conexión está cifrada).</translation>
    </message>
    <message>
        <source>TLS: off (the connection is not encrypted).</source>
        <translation>TLS: desactivado (la conexión no está cifrada).</translation>
    </message>
    <message>
        <source>Endpoint: pooled, because %1.</source>
        <translation>Punto de conexión: agrupado, porque %1.</translation>
    </message>
    <message>
        <source>Endpoint: direct.</source>
        <translation>Punto de conexión: directo.</translation>
    </message>
    <message>
        <source>Round trip: %1 ms (connecting took %2 ms).</source>
        <translation>Ida y vuelta: %1 ms (la conexión tardó %2 ms).</translation>
    </message>
</context>
<context>
    <name>tp::Conversation</name>
    <message>
        <source>The planner&apos;s coordinates for %1 looked wrong (%2) and were not kept; the offline gazetteer&apos;s position for %3, %4 is used instead.</source>
        <translation>Las coordenadas del planificador para %1 parecían incorrectas (%2) y no se conservaron; en su lugar se usa la posición de %3, %4 del nomenclátor sin conexión.</translation>
    </message>
    <message>
        <source>The planner&apos;s coordinates for %1 looked wrong (%2) and were not kept.</source>
        <translation>Las coordenadas del planificador para %1 parecían incorrectas (%2) y no se conservaron.</translation>
    </message>
    <message>
        <source>Here are three destinations that fit what you told me:</source>
        <translation>Aquí tiene tres destinos que encajan con lo que me ha contado:</translation>
    </message>
    <message>
        <source>Ask me about any of them, ask for different options, or say &quot;let&apos;s go with&quot; and a name to choose.</source>
        <translation>Pregúnteme por cualquiera de ellos, pida otras opciones o, para elegir uno, diga «elijo» y su nombre.</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Escriba primero un mensaje.</translation>
    </message>
    <message>
        <source>The planner asked no questions.</source>
        <translation>El planificador no hizo ninguna pregunta.</translation>
    </message>
    <message>
        <source>Thanks! To find the right places for you I have %1 quick questions.

(1/%1) %2</source>
        <translation>¡Gracias! Para encontrar los lugares adecuados para usted, tengo %1 preguntas rápidas.

(1/%1) %2</translation>
    </message>
    <message>
        <source>The planner chose a destination it had not recommended.</source>
        <translation>El planificador eligió un destino que no había recomendado.</translation>
    </message>
    <message>
        <source>Great choice: %1 it is!</source>
        <translation>¡Excelente elección: %1!</translation>
    </message>
    <message>
        <source>The planner&apos;s reply was empty.</source>
        <translation>La respuesta del planificador estaba vacía.</translation>
    </message>
    <message>
        <source>There are no recommendations to choose from yet.</source>
        <translation>Todavía no hay recomendaciones entre las que elegir.</translation>
    </message>
    <message>
        <source>Choose one of the %1 recommendations.</source>
        <translation>Elija una de las %1 recomendaciones.</translation>
    </message>
    <message>
        <source>Let&apos;s go with %1.</source>
        <translation>Elijo %1.</translation>
    </message>
    <message>
        <source>Great choice: %1 it is! I&apos;ve set it as your trip&apos;s destination. Next up: where to stay.</source>
        <translation>¡Excelente elección: %1! Lo he guardado como destino de su viaje. Siguiente paso: dónde alojarse.</translation>
    </message>
    <message>
        <source>The planner did not say which country %1 is in, so it cannot be saved as the destination. Ask about it or choose another.</source>
        <translation>El planificador no indicó en qué país está %1, así que no se puede guardar como destino. Pregunte por él o elija otro.</translation>
    </message>
    <message>
        <source>This conversation was changed elsewhere (another window or app) since it was loaded. Reload it and try again.</source>
        <translation>Esta conversación se modificó en otro lugar (otra ventana o aplicación) después de cargarse. Vuelva a cargarla e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the reply was being saved, and it cannot be checked now whether it was saved. Reload the conversation before sending it again.</source>
        <translation>Se perdió la conexión con la base de datos mientras se guardaba la respuesta, y ahora no se puede comprobar si se guardó. Vuelva a cargar la conversación antes de enviar de nuevo el mensaje.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the reply was being saved; it was not saved. Try again.</source>
        <translation>Se perdió la conexión con la base de datos mientras se guardaba la respuesta; no se guardó. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it contained no questions.</source>
        <translation>No se pudo usar la respuesta del planificador: no contenía preguntas.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: no JSON with destinations was found in it.</source>
        <translation>No se pudo usar la respuesta del planificador: no contenía ningún JSON con destinos.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it named no destinations.</source>
        <translation>No se pudo usar la respuesta del planificador: no nombraba ningún destino.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it named only %1 destination(s) instead of 3.</source>
        <translation>No se pudo usar la respuesta del planificador: solo nombraba %1 destino(s) en lugar de 3.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: no JSON object was found in it.</source>
        <translation>No se pudo usar la respuesta del planificador: no contenía ningún objeto JSON.</translation>
    </message>
    <message>
        <source>The planner&apos;s answer could not be used: it had no reply text.</source>
        <translation>No se pudo usar la respuesta del planificador: no tenía texto de respuesta.</translation>
    </message>
</context>
<context>
    <name>tp::CoordinateSource</name>
    <message>
        <source>typed in</source>
        <translation>escritas a mano</translation>
    </message>
    <message>
        <source>picked on the map</source>
        <translation>elegidas en el mapa</translation>
    </message>
    <message>
        <source>the offline gazetteer</source>
        <translation>el nomenclátor sin conexión</translation>
    </message>
    <message>
        <source>the centre of the country</source>
        <translation>el centro del país</translation>
    </message>
    <message>
        <source>OpenStreetMap Nominatim</source>
        <translation>OpenStreetMap Nominatim</translation>
    </message>
    <message>
        <source>the AI planner</source>
        <translation>el planificador de IA</translation>
    </message>
    <message>
        <source>the bundled catalogue</source>
        <translation>el catálogo incluido</translation>
    </message>
</context>
<context>
    <name>tp::Database</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Se canceló la operación.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database file.</source>
        <translation>No se puede crear la carpeta %1 para el archivo de base de datos.</translation>
    </message>
    <message>
        <source>The connection to the database was lost during this change; nothing of it was saved. Try again.</source>
        <translation>Se perdió la conexión con la base de datos durante este cambio; no se guardó nada de él. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The operation was cancelled; nothing of it was saved.</source>
        <translation>Se canceló la operación; no se guardó nada de ella.</translation>
    </message>
    <message>
        <source>The connection to the database was lost. Try again.</source>
        <translation>Se perdió la conexión con la base de datos. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database took longer than %1 s over this and stopped it. Try again; if it happens every time, the server is overloaded or the data much larger than usual.</source>
        <translation>La base de datos tardó más de %1 s en esta operación y la detuvo. Vuelva a intentarlo; si ocurre siempre, el servidor está sobrecargado o los datos son mucho más grandes de lo habitual.</translation>
    </message>
    <message>
        <source>Another program or window is changing the same data and kept it locked for more than %1 s. Try again in a moment.</source>
        <translation>Otro programa o ventana está modificando los mismos datos y los ha mantenido bloqueados más de %1 s. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The change was not saved: one of its steps was refused by the database.</source>
        <translation>El cambio no se guardó: la base de datos rechazó uno de sus pasos.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the change was being saved, so it is not known whether it was saved. Look at the data again before repeating it.</source>
        <translation>Se perdió la conexión con la base de datos mientras se guardaba el cambio, así que no se sabe si se guardó. Revise los datos antes de repetirlo.</translation>
    </message>
    <message>
        <source>Out of memory while connecting to the database.</source>
        <translation>Memoria insuficiente al conectar con la base de datos.</translation>
    </message>
    <message>
        <source>Connecting to the database was cancelled.</source>
        <translation>Se canceló la conexión con la base de datos.</translation>
    </message>
    <message>
        <source>The database server refused to show dates in ISO form: %1</source>
        <translation>El servidor de base de datos se negó a mostrar las fechas en formato ISO: %1</translation>
    </message>
    <message>
        <source>The connection to the database was lost.</source>
        <translation>Se perdió la conexión con la base de datos.</translation>
    </message>
    <message>
        <source>An earlier statement of the same exchange failed.</source>
        <translation>Falló una instrucción anterior del mismo intercambio.</translation>
    </message>
    <message>
        <source>internal: no value bound for :%1</source>
        <translation>interno: no hay ningún valor vinculado a :%1</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseLocation</name>
    <message>
        <source>Database URL: expected a postgresql:// URL</source>
        <translation>URL de la base de datos: se esperaba una URL postgresql://</translation>
    </message>
    <message>
        <source>No database password is stored in the keychain for profile &quot;%1&quot;.</source>
        <translation>No hay ninguna contraseña de base de datos guardada en el llavero para el perfil «%1».</translation>
    </message>
    <message>
        <source>The database password could not be read: %1</source>
        <translation>No se pudo leer la contraseña de la base de datos: %1</translation>
    </message>
    <message>
        <source>The new location is the current file.</source>
        <translation>La nueva ubicación es el archivo actual.</translation>
    </message>
    <message>
        <source>There is no database file at %1.</source>
        <translation>No hay ningún archivo de base de datos en %1.</translation>
    </message>
    <message>
        <source>A file already exists at %1; choose another name.</source>
        <translation>Ya existe un archivo en %1; elija otro nombre.</translation>
    </message>
    <message>
        <source>The database file has an unfinished transaction (a -journal file); open the app once more and close it, then try again.</source>
        <translation>El archivo de base de datos tiene una transacción sin terminar (un archivo -journal); abra la aplicación una vez más, ciérrela y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Cannot write to %1 (is the disk full or the folder read-only?).</source>
        <translation>No se puede escribir en %1 (¿está lleno el disco o la carpeta es de solo lectura?).</translation>
    </message>
    <message>
        <source>The copy failed its integrity check; the original is unchanged.</source>
        <translation>La copia no superó la comprobación de integridad; el original no ha cambiado.</translation>
    </message>
    <message>
        <source>The copy could not be opened (%1); the original is unchanged.</source>
        <translation>No se pudo abrir la copia (%1); el original no ha cambiado.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>No se puede crear %1.</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseService</name>
    <message>
        <source>Trip Planner ran into an internal error and could not finish this action; any change it was making was rolled back. Try again, and if it happens again please report it.</source>
        <translation>Trip Planner sufrió un error interno y no pudo terminar esta acción; se han revertido los cambios que estaba haciendo. Vuelva a intentarlo y, si ocurre de nuevo, informe del problema.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Updating schema</source>
        <translation>Actualizando el esquema</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconectando</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>The database is not connected.</source>
        <translation>La base de datos no está conectada.</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseUrl</name>
    <message>
        <source>Characters such as @ : / # ? % or a space in the user name or password must be percent-encoded (%40 for @, %23 for #, %2F for /, %3F for ?, %25 for %).</source>
        <translation>Los caracteres como @ : / # ? % o un espacio en el nombre de usuario o la contraseña deben escribirse con codificación porcentual (%40 para @, %23 para #, %2F para /, %3F para ?, %25 para %).</translation>
    </message>
    <message>
        <source>Database URL: the port is not a number between 1 and 65535. %1</source>
        <translation>URL de la base de datos: el puerto no es un número entre 1 y 65535. %1</translation>
    </message>
    <message>
        <source>Database URL: the host name has a character that is not allowed. %1</source>
        <translation>URL de la base de datos: el nombre de host tiene un carácter no permitido. %1</translation>
    </message>
    <message>
        <source>Database URL: the user name or password has a character that is not allowed. %1</source>
        <translation>URL de la base de datos: el nombre de usuario o la contraseña tienen un carácter no permitido. %1</translation>
    </message>
    <message>
        <source>Database URL: the database name has a character that is not allowed (a space, for example). %1</source>
        <translation>URL de la base de datos: el nombre de la base de datos tiene un carácter no permitido (un espacio, por ejemplo). %1</translation>
    </message>
    <message>
        <source>Database URL: the parameters after &apos;?&apos; have a character that is not allowed. %1</source>
        <translation>URL de la base de datos: los parámetros tras &apos;?&apos; tienen un carácter no permitido. %1</translation>
    </message>
    <message>
        <source>Database URL: it contains &apos;#&apos;. %1</source>
        <translation>URL de la base de datos: contiene &apos;#&apos;. %1</translation>
    </message>
    <message>
        <source>Database URL: it is not a valid URL. %1</source>
        <translation>URL de la base de datos: no es una URL válida. %1</translation>
    </message>
    <message>
        <source>Database URL: it is empty</source>
        <translation>URL de la base de datos: está vacía</translation>
    </message>
    <message>
        <source>Database URL: it is too long</source>
        <translation>URL de la base de datos: es demasiado larga</translation>
    </message>
    <message>
        <source>Database URL: expected a URL starting with postgresql:// or sqlite:///</source>
        <translation>URL de la base de datos: se esperaba una URL que empezara por postgresql:// o sqlite:///</translation>
    </message>
    <message>
        <source>Database URL: a SQLite URL names a file: sqlite:///relative/path or sqlite:////absolute/path</source>
        <translation>URL de la base de datos: una URL de SQLite indica un archivo: sqlite:///relative/path o sqlite:////absolute/path</translation>
    </message>
    <message>
        <source>Database URL: unsupported scheme &quot;%1&quot; (use postgresql:// or sqlite:///)</source>
        <translation>URL de la base de datos: esquema «%1» no admitido (use postgresql:// o sqlite:///)</translation>
    </message>
    <message>
        <source>Database URL: the host name is missing</source>
        <translation>URL de la base de datos: falta el nombre de host</translation>
    </message>
    <message>
        <source>Database URL: the port must be between 1 and 65535</source>
        <translation>URL de la base de datos: el puerto debe estar entre 1 y 65535</translation>
    </message>
    <message>
        <source>Database URL: the database name is missing (…/dbname after the host)</source>
        <translation>URL de la base de datos: falta el nombre de la base de datos (…/dbname tras el host)</translation>
    </message>
    <message>
        <source>Database URL: the database name must not contain &apos;/&apos;. %1</source>
        <translation>URL de la base de datos: el nombre de la base de datos no debe contener &apos;/&apos;. %1</translation>
    </message>
    <message>
        <source>Database URL: the database name must not contain &apos;@&apos;. %1</source>
        <translation>URL de la base de datos: el nombre de la base de datos no debe contener &apos;@&apos;. %1</translation>
    </message>
    <message>
        <source>Database URL: unknown parameter &quot;%1&quot;</source>
        <translation>URL de la base de datos: parámetro desconocido «%1»</translation>
    </message>
    <message>
        <source>Database URL: it has a parameter that is not a libpq keyword</source>
        <translation>URL de la base de datos: tiene un parámetro que no es una palabra clave de libpq</translation>
    </message>
    <message>
        <source>Database URL: sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full</source>
        <translation>URL de la base de datos: sslmode debe ser disable, allow, prefer, require, verify-ca o verify-full</translation>
    </message>
    <message>
        <source>Database URL: %1 must be a whole number of seconds</source>
        <translation>URL de la base de datos: %1 debe ser un número entero de segundos</translation>
    </message>
</context>
<context>
    <name>tp::DatabaseWorker</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Updating the database schema (%1 steps)…</source>
        <translation>Actualizando el esquema de la base de datos (%1 pasos)…</translation>
    </message>
    <message>
        <source>Updating the database schema: statement %1 (%2 migrations)</source>
        <translation>Actualizando el esquema de la base de datos: instrucción %1 (%2 migraciones)</translation>
    </message>
    <message>
        <source>The database could not be opened (unexpected failure).</source>
        <translation>No se pudo abrir la base de datos (error inesperado).</translation>
    </message>
    <message>
        <source>The database did not answer (unexpected failure).</source>
        <translation>La base de datos no respondió (error inesperado).</translation>
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
        <translation>Nombre</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Best time to visit</source>
        <translation>Mejor época</translation>
    </message>
    <message>
        <source>Cost per day</source>
        <translation>Coste por día</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Coordenadas</translation>
    </message>
</context>
<context>
    <name>tp::MessageListModel</name>
    <message>
        <source>You: %1</source>
        <translation>Usted: %1</translation>
    </message>
    <message>
        <source>Planner: %1</source>
        <translation>Planificador: %1</translation>
    </message>
</context>
<context>
    <name>tp::Migrator</name>
    <message>
        <source>This SQLite file holds trip tables that this app did not create; it cannot adopt them. Use a new file, or point the app at the PostgreSQL database the web app uses.</source>
        <translation>Este archivo SQLite contiene tablas de viajes que esta aplicación no creó; no puede adoptarlas. Use un archivo nuevo o dirija la aplicación a la base de datos PostgreSQL que usa la aplicación web.</translation>
    </message>
    <message>
        <source>table %1 is missing</source>
        <translation>falta la tabla %1</translation>
    </message>
    <message>
        <source>column %1.%2 is missing</source>
        <translation>falta la columna %1.%2</translation>
    </message>
    <message>
        <source>The database has trip tables that do not match the web app&apos;s schema, so they were left untouched: %1</source>
        <extracomment>%1: the problems found (&quot;table api_trip is missing; column api_trip.title is missing&quot;).</extracomment>
        <translation>La base de datos tiene tablas de viajes que no coinciden con el esquema de la aplicación web, así que no se han tocado: %1</translation>
    </message>
    <message>
        <source>The database schema is at version %1, newer than this version of Trip Planner understands (%2). Update Trip Planner; the database was left untouched.</source>
        <translation>El esquema de la base de datos está en la versión %1, más reciente de lo que entiende esta versión de Trip Planner (%2). Actualice Trip Planner; no se ha modificado la base de datos.</translation>
    </message>
    <message>
        <source>-- %1 (adopted: the web app already created these tables)</source>
        <extracomment>A comment line in the SQL a dry run prints: keep the leading &quot;-- &quot;. %1: the migration&apos;s name.</extracomment>
        <translation>-- %1 (adoptada: la aplicación web ya creó estas tablas)</translation>
    </message>
</context>
<context>
    <name>tp::OfflinePlanner</name>
    <message>
        <source>What&apos;s your budget for the trip (in total or per day, and in which currency)?</source>
        <translation>¿Cuál es su presupuesto para el viaje (en total o por día, y en qué moneda)?</translation>
    </message>
    <message>
        <source>When would you like to travel: which month or season?</source>
        <translation>¿Cuándo le gustaría viajar? ¿En qué mes o época del año?</translation>
    </message>
    <message>
        <source>How many days will the trip last?</source>
        <translation>¿Cuántos días durará el viaje?</translation>
    </message>
    <message>
        <source>Who is travelling: how many people, and any children?</source>
        <translation>¿Quiénes viajan? ¿Cuántas personas son y hay niños?</translation>
    </message>
    <message>
        <source>What do you enjoy most on a trip: beaches, mountains and hiking, cities, culture and history, nature and wildlife, food, or nightlife?</source>
        <translation>¿Qué es lo que más disfruta en un viaje: playas, montaña y senderismo, ciudades, cultura e historia, naturaleza y fauna, gastronomía o vida nocturna?</translation>
    </message>
    <message>
        <source>Do you prefer comfort and a bit of luxury, or keeping costs low?</source>
        <translation>¿Prefiere comodidad y algo de lujo, o gastar poco?</translation>
    </message>
    <message>
        <source>Is there anything you&apos;d rather avoid (long flights, cold weather, crowds)?</source>
        <translation>¿Hay algo que prefiera evitar (vuelos largos, frío, multitudes)?</translation>
    </message>
    <message>
        <source>Where will you be starting from (your home city), so I can keep the journey short?</source>
        <translation>¿Desde dónde saldrá (su ciudad de origen)? Así podré proponerle destinos sin un viaje demasiado largo.</translation>
    </message>
    <message>
        <source>beaches</source>
        <translation>las playas</translation>
    </message>
    <message>
        <source>mountains</source>
        <translation>la montaña</translation>
    </message>
    <message>
        <source>cities</source>
        <translation>las ciudades</translation>
    </message>
    <message>
        <source>museums and sights</source>
        <translation>los museos y monumentos</translation>
    </message>
    <message>
        <source>the outdoors</source>
        <translation>la naturaleza</translation>
    </message>
    <message>
        <source>food trips</source>
        <translation>los viajes gastronómicos</translation>
    </message>
    <message>
        <source>nightlife</source>
        <translation>la vida nocturna</translation>
    </message>
    <message>
        <source>luxury</source>
        <translation>el lujo</translation>
    </message>
    <message>
        <source>budget places</source>
        <translation>los destinos económicos</translation>
    </message>
    <message>
        <source>crowded places</source>
        <translation>los lugares masificados</translation>
    </message>
    <message>
        <source>very hot places</source>
        <translation>los lugares muy calurosos</translation>
    </message>
    <message>
        <source>cold places</source>
        <translation>los lugares fríos</translation>
    </message>
    <message>
        <source>about $%1 a day per person</source>
        <translation>unos %1 USD al día por persona</translation>
    </message>
    <message>
        <source>Have you been anywhere you loved (or didn&apos;t) that I should know about?</source>
        <translation>¿Ha estado en algún lugar que le encantara (o que no le gustara) y que yo deba tener en cuenta?</translation>
    </message>
    <message>
        <source>Good for %1.</source>
        <translation>Ideal si busca %1.</translation>
    </message>
    <message>
        <source>Best time to visit: %1.</source>
        <translation>Mejor época para ir: %1.</translation>
    </message>
    <message>
        <source>Typical cost: %1.</source>
        <translation>Coste habitual: %1.</translation>
    </message>
    <message>
        <source>Typical cost: %1, within your budget.</source>
        <translation>Coste habitual: %1, dentro de su presupuesto.</translation>
    </message>
    <message>
        <source>Typical cost: %1, above your budget.</source>
        <translation>Coste habitual: %1, por encima de su presupuesto.</translation>
    </message>
    <message>
        <source>About %1 km from %2 as the crow flies.</source>
        <translation>A unos %1 km de %2 en línea recta.</translation>
    </message>
    <message>
        <source>About %1 km from %2 as the crow flies, farther than you wanted.</source>
        <translation>A unos %1 km de %2 en línea recta, más lejos de lo que quería.</translation>
    </message>
    <message>
        <source>The built-in catalogue has no more destinations to suggest.</source>
        <translation>El catálogo integrado no tiene más destinos que sugerir.</translation>
    </message>
    <message>
        <source>Here are three destinations you might like.</source>
        <translation>Aquí tiene tres destinos que podrían gustarle.</translation>
    </message>
    <message>
        <source>Based on what you told me (%1), here are three destinations.</source>
        <translation>Según lo que me ha contado (%1), aquí tiene tres destinos.</translation>
    </message>
    <message>
        <source>You didn&apos;t say what you enjoy on this trip, so I went by your earlier trips.</source>
        <translation>No me ha dicho qué le gustaría hacer en este viaje, así que me he guiado por sus viajes anteriores.</translation>
    </message>
    <message>
        <source>Starting from %1, I kept to places within about %2 km as the crow flies (%3).</source>
        <translation>Partiendo de %1, me he limitado a lugares a no más de unos %2 km en línea recta (%3).</translation>
    </message>
    <message>
        <source>You&apos;d like to keep the journey short (%1), but I don&apos;t know where you start from, so I couldn&apos;t rule places out by distance: tell me your home city and ask for different options.</source>
        <translation>Quiere que el viaje no sea largo (%1), pero no sé desde dónde sale, así que no he podido descartar lugares por la distancia: dígame su ciudad de origen y pida otras opciones.</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 o %2</translation>
    </message>
    <message>
        <source>I kept to %1.</source>
        <translation>Me he centrado en %1.</translation>
    </message>
    <message>
        <source>Only %1 of the places I know fit within that; the rest are the nearest beyond it.</source>
        <translation>Solo he encontrado %1 dentro de ese límite; los demás son los más cercanos que quedan fuera.</translation>
    </message>
    <message>
        <source>I left out %1 as far as I could.</source>
        <translation>He evitado %1 en la medida de lo posible.</translation>
    </message>
    <message>
        <source>Here are three other ideas.</source>
        <translation>Aquí tiene otras tres ideas.</translation>
    </message>
    <message>
        <source>Great choice: %1 it is! I&apos;ve set it as your trip&apos;s destination. Next up: where to stay.</source>
        <translation>¡Excelente elección: %1! Lo he guardado como destino de su viaje. Siguiente paso: dónde alojarse.</translation>
    </message>
    <message>
        <source>Thanks, noted. Here are three ideas that take that into account.</source>
        <translation>Gracias, tomo nota. Aquí tiene tres ideas que lo tienen en cuenta.</translation>
    </message>
    <message>
        <source>Say &quot;let&apos;s go with %1&quot; to choose it, or ask for different options.</source>
        <translation>Diga «elijo %1» para elegirlo o pida otras opciones.</translation>
    </message>
    <message>
        <source>Tell me a little more about the trip you have in mind.</source>
        <translation>Cuénteme algo más sobre el viaje que tiene en mente.</translation>
    </message>
    <message>
        <source>I can tell you more about %1, or suggest different options. When you&apos;ve decided, say &quot;let&apos;s go with&quot; and the name.</source>
        <translation>Puedo contarle más sobre %1 o sugerirle otras opciones. Cuando se decida, diga «elijo» y el nombre.</translation>
    </message>
    <message>
        <source>by train</source>
        <translation>en tren</translation>
    </message>
    <message>
        <source>by car</source>
        <translation>en coche</translation>
    </message>
    <message>
        <source>by bus</source>
        <translation>en autobús</translation>
    </message>
    <message>
        <source>flying</source>
        <translation>en avión</translation>
    </message>
    <message numerus="yes">
        <source>at most %n hours %1</source>
        <translation>
            <numerusform>como máximo %n hora %1</numerusform>
            <numerusform>como máximo %n horas %1</numerusform>
        </translation>
    </message>
    <message>
        <source>at most %1 hours %2</source>
        <translation>como máximo %1 horas %2</translation>
    </message>
    <message>
        <source>within %1 %2</source>
        <translation>a menos de %1 %2</translation>
    </message>
    <message>
        <source>no long flights: about 5 hours&apos; flying at most</source>
        <translation>sin vuelos largos: unas 5 horas de vuelo como máximo</translation>
    </message>
    <message>
        <source>a short flight: about 3 hours at most</source>
        <translation>un vuelo corto: unas 3 horas como máximo</translation>
    </message>
    <message>
        <source>not too far</source>
        <translation>no demasiado lejos</translation>
    </message>
    <message>
        <source>no flying: a day by train or car</source>
        <translation>sin avión: un día en tren o en coche</translation>
    </message>
    <message>
        <source>travelling %1: a day&apos;s journey</source>
        <translation>viajando %1: un día de viaje</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europa</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Asia</translation>
    </message>
    <message>
        <source>Southeast Asia</source>
        <translation>el Sudeste Asiático</translation>
    </message>
    <message>
        <source>the Middle East</source>
        <translation>Oriente Medio</translation>
    </message>
    <message>
        <source>Africa</source>
        <translation>África</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Norteamérica</translation>
    </message>
    <message>
        <source>Central America</source>
        <translation>Centroamérica</translation>
    </message>
    <message>
        <source>the Caribbean</source>
        <translation>el Caribe</translation>
    </message>
    <message>
        <source>South America</source>
        <translation>Sudamérica</translation>
    </message>
    <message>
        <source>Latin America</source>
        <translation>Latinoamérica</translation>
    </message>
    <message>
        <source>Oceania</source>
        <translation>Oceanía</translation>
    </message>
    <message>
        <source>Scandinavia</source>
        <translation>Escandinavia</translation>
    </message>
    <message>
        <source>the Mediterranean</source>
        <translation>el Mediterráneo</translation>
    </message>
</context>
<context>
    <name>tp::Plan</name>
    <message>
        <source>No exchange rate for %1 to %2: costs in %1 are left out of the totals.</source>
        <translation>No hay tasa de cambio de %1 a %2: los gastos en %1 quedan fuera de los totales.</translation>
    </message>
    <message>
        <source>Choose a home currency to add up the costs.</source>
        <translation>Elija una moneda de referencia para sumar los gastos.</translation>
    </message>
    <message>
        <source>%1 a day × %2 travellers × %3 days</source>
        <translation>%1 al día × %2 viajeros × %3 días</translation>
    </message>
    <message>
        <source>The destination has no average cost per day: food and daily costs are not estimated.</source>
        <translation>El destino no tiene coste medio por día: no se estiman la comida ni los gastos diarios.</translation>
    </message>
    <message>
        <source>The trip has no dates: food and daily costs are not estimated.</source>
        <translation>El viaje no tiene fechas: no se estiman la comida ni los gastos diarios.</translation>
    </message>
    <message>
        <source>The stay “%1” has no dates.</source>
        <translation>El alojamiento “%1” no tiene fechas.</translation>
    </message>
    <message>
        <source>The leg “%1” has no departure date.</source>
        <translation>El trayecto “%1” no tiene fecha de salida.</translation>
    </message>
    <message>
        <source>“%1” and “%2” overlap (%3–%4 and %5–%6)</source>
        <translation>“%1” y “%2” se solapan (%3–%4 y %5–%6)</translation>
    </message>
    <message>
        <source>A %1 journey and %2 activities on the same day</source>
        <translation>Un trayecto de %1 y %2 actividades el mismo día</translation>
    </message>
    <message>
        <source>“%1” is %2 km from “%3”, where you stay that night</source>
        <translation>“%1” está a %2 km de “%3”, donde se aloja esa noche</translation>
    </message>
    <message>
        <source>Nothing planned on this day</source>
        <translation>Nada planificado para este día</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>This trip&apos;s plan was saved by a newer version of Trip Planner (plan format %1; this version reads %2). Update Trip Planner to open it.</source>
        <translation>El plan de este viaje se guardó con una versión más reciente de Trip Planner (formato de plan %1; esta versión lee el %2). Actualice Trip Planner para abrirlo.</translation>
    </message>
    <message>
        <source>No stay for the night of %1</source>
        <translation>Sin alojamiento para la noche del %1</translation>
    </message>
    <message>
        <source>Two stays share %1 night(s) from %2</source>
        <translation>Dos alojamientos se solapan %1 noche(s) desde el %2</translation>
    </message>
    <message>
        <source>“%1” is not booked</source>
        <translation>“%1” sin reservar</translation>
    </message>
    <message>
        <source>“%1” is outside the trip&apos;s dates</source>
        <translation>“%1” queda fuera de las fechas del viaje</translation>
    </message>
    <message>
        <source>“%1” has no arrival time</source>
        <translation>“%1” no tiene hora de llegada</translation>
    </message>
    <message>
        <source>“%1” has no departure time</source>
        <translation>“%1” no tiene hora de salida</translation>
    </message>
    <message>
        <source>“%1” has a booking reference but is not marked booked</source>
        <translation>La actividad “%1” tiene referencia de reserva, pero no está marcada como reservada</translation>
    </message>
    <message>
        <source>Over budget by %1 %2</source>
        <translation>Presupuesto superado en %1 %2</translation>
    </message>
</context>
<context>
    <name>tp::PlanImport</name>
    <message>
        <source>the departure time has no local time zone; set the place&apos;s zone</source>
        <translation>la hora de salida no tiene zona horaria local; defina la zona del lugar</translation>
    </message>
    <message>
        <source>the arrival time has no local time zone; set the place&apos;s zone</source>
        <translation>la hora de llegada no tiene zona horaria local; defina la zona del lugar</translation>
    </message>
    <message>
        <source>airports %1 → %2</source>
        <translation>aeropuertos %1 → %2</translation>
    </message>
    <message>
        <source>(destination not recognised)</source>
        <translation>(destino no reconocido)</translation>
    </message>
    <message>
        <source>the arrival place was not recognised; edit it</source>
        <translation>no se reconoció el lugar de llegada; edítelo</translation>
    </message>
    <message>
        <source>exported by Trip Planner</source>
        <translation>exportado por Trip Planner</translation>
    </message>
    <message>
        <source>the word “%1”</source>
        <translation>la palabra “%1”</translation>
    </message>
    <message>
        <source>%1, number %2 %3</source>
        <translation>%1, número %2 %3</translation>
    </message>
    <message>
        <source>“%1” has no start (DTSTART).</source>
        <translation>“%1” no tiene inicio (DTSTART).</translation>
    </message>
    <message>
        <source>“%1” has a start that cannot be read (%2).</source>
        <translation>“%1” tiene un inicio que no se puede leer (%2).</translation>
    </message>
    <message>
        <source>%1 nights, all-day</source>
        <translation>%1 noches, todo el día</translation>
    </message>
    <message>
        <source>%1 nights, hotel wording</source>
        <translation>%1 noches, términos hoteleros</translation>
    </message>
    <message>
        <source>(untitled event)</source>
        <translation>(evento sin título)</translation>
    </message>
    <message>
        <source>the time was given in UTC and is shown in UTC; set the place&apos;s zone</source>
        <translation>la hora se indicó en UTC y se muestra en UTC; defina la zona del lugar</translation>
    </message>
    <message>
        <source>it ends on another day; only the start was kept</source>
        <translation>termina otro día; solo se conservó el inicio</translation>
    </message>
    <message>
        <source>an all-day event</source>
        <translation>un evento de todo el día</translation>
    </message>
    <message>
        <source>a timed event</source>
        <translation>un evento con hora</translation>
    </message>
    <message>
        <source>is not a valid iCalendar file (END:%1 does not match)</source>
        <translation>no es un archivo iCalendar válido (END:%1 no coincide)</translation>
    </message>
    <message>
        <source>is not an iCalendar file (no BEGIN:VCALENDAR … END:VCALENDAR)</source>
        <translation>no es un archivo iCalendar (falta BEGIN:VCALENDAR … END:VCALENDAR)</translation>
    </message>
    <message>
        <source>time zone “%1” read as %2</source>
        <translation>zona horaria “%1” interpretada como %2</translation>
    </message>
    <message>
        <source>time zone “%1” is not a known zone; its offset %2 from the file was used</source>
        <translation>la zona horaria “%1” no es una zona conocida; se usó su desfase %2 indicado en el archivo</translation>
    </message>
    <message>
        <source>time zone “%1” is unknown and the file does not define it; the time has no zone</source>
        <translation>la zona horaria “%1” es desconocida y el archivo no la define; la hora no tiene zona</translation>
    </message>
    <message>
        <source>Place at %1, %2</source>
        <translation>Lugar en %1, %2</translation>
    </message>
    <message>
        <source>is not a GPX file (%1)</source>
        <translation>no es un archivo GPX (%1)</translation>
    </message>
    <message>
        <source>is not a GPX file</source>
        <translation>no es un archivo GPX</translation>
    </message>
    <message>
        <source>is not a KML file (%1)</source>
        <translation>no es un archivo KML (%1)</translation>
    </message>
    <message>
        <source>is not a KML file</source>
        <translation>no es un archivo KML</translation>
    </message>
    <message>
        <source>is not a GeoJSON file (%1)</source>
        <translation>no es un archivo GeoJSON (%1)</translation>
    </message>
    <message>
        <source>is not a GeoJSON Feature or FeatureCollection</source>
        <translation>no es un Feature ni un FeatureCollection de GeoJSON</translation>
    </message>
</context>
<context>
    <name>tp::PlanValidation</name>
    <message>
        <source>is too large to compute with</source>
        <translation>es demasiado grande para calcular con él</translation>
    </message>
    <message>
        <source>has no date and time</source>
        <translation>no tiene fecha ni hora</translation>
    </message>
    <message>
        <source>has no time zone</source>
        <translation>no tiene zona horaria</translation>
    </message>
    <message>
        <source>has an unknown time zone &quot;%1&quot;</source>
        <translation>tiene una zona horaria desconocida, «%1»</translation>
    </message>
    <message>
        <source>is %1 %2, a time that does not exist in %3 (the clocks skip it)</source>
        <translation>es %1 %2, una hora que no existe en %3 (por el cambio de hora)</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>debe ser texto</translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD</source>
        <translation>debe ser una fecha AAAA-MM-DD</translation>
    </message>
    <message>
        <source>must be a time HH:MM</source>
        <translation>debe ser una hora HH:MM</translation>
    </message>
    <message>
        <source>must be a number written as text, like &quot;12.50&quot;</source>
        <translation>debe ser un número escrito como texto, como «12.50»</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>debe ser un objeto</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>debe ser una lista</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>must be a whole number from 1</source>
        <translation>debe ser un número entero a partir de 1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>must be at most %L1 characters</source>
        <translation>debe tener como máximo %L1 caracteres</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>contiene un carácter NUL</translation>
    </message>
    <message>
        <source>must be at most 64 characters</source>
        <translation>debe tener como máximo 64 caracteres</translation>
    </message>
    <message>
        <source>must be idea or booked</source>
        <translation>debe ser idea o booked</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>no debe ser negativo</translation>
    </message>
    <message>
        <source>is required (an ISO 4217 code such as EUR)</source>
        <translation>es obligatorio (un código ISO 4217 como EUR)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (such as EUR, USD, JPY)</source>
        <translation>«%1» no es un código de moneda ISO 4217 (como EUR, USD, JPY)</translation>
    </message>
    <message>
        <source>must be between -90 and 90</source>
        <translation>debe estar entre -90 y 90</translation>
    </message>
    <message>
        <source>must be between -180 and 180</source>
        <translation>debe estar entre -180 y 180</translation>
    </message>
    <message>
        <source>is required when the other coordinate is set</source>
        <translation>es obligatorio si se indica la otra coordenada</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known IANA time zone (such as Europe/Rome)</source>
        <translation>«%1» no es una zona horaria IANA conocida (como Europe/Rome)</translation>
    </message>
    <message>
        <source>is required when a time is given</source>
        <translation>es obligatorio si se indica una hora</translation>
    </message>
    <message>
        <source>is required with a time (an IANA time zone such as Europe/Rome)</source>
        <translation>es obligatorio con una hora (una zona horaria IANA como Europe/Rome)</translation>
    </message>
    <message>
        <source>is required (YYYY-MM-DD)</source>
        <translation>es obligatorio (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>must be after the check-in date</source>
        <translation>debe ser posterior a la fecha de entrada</translation>
    </message>
    <message>
        <source>must be within a year of the check-in date</source>
        <translation>debe estar a menos de un año de la fecha de entrada</translation>
    </message>
    <message>
        <source>must be a web address starting with https:// or http://</source>
        <translation>debe ser una dirección web que empiece por https:// o http://</translation>
    </message>
    <message>
        <source>must be one of: flight, train, bus, ferry, car, other</source>
        <translation>debe ser uno de estos valores: flight, train, bus, ferry, car, other</translation>
    </message>
    <message>
        <source>must be after the departure (%1 in %2 is not later than %3 in %4)</source>
        <translation>debe ser posterior a la salida (%1 en %2 no es posterior a %3 en %4)</translation>
    </message>
    <message>
        <source>is required when a start or end time is given</source>
        <translation>es obligatorio si se indica una hora de inicio o de fin</translation>
    </message>
    <message>
        <source>is required when an end time is given</source>
        <translation>es obligatorio si se indica una hora de fin</translation>
    </message>
    <message>
        <source>must be after the start time</source>
        <translation>debe ser posterior a la hora de inicio</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>debe ser mayor que 0</translation>
    </message>
    <message>
        <source>is required (the date the rate was read, YYYY-MM-DD)</source>
        <translation>es obligatorio (la fecha en que se consultó la tasa, AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another item</source>
        <translation>«%1» ya lo usa otro elemento</translation>
    </message>
    <message>
        <source>The plan has a problem to fix: %1.</source>
        <translation>El plan tiene un problema que corregir: %1.</translation>
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
        <translation>▶ %1 (actual)</translation>
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
        <translation>No hay ninguna clave de API guardada para Gemini. Añada una en Configuración o elija el planificador sin conexión.</translation>
    </message>
    <message>
        <source>No API key is saved for the OpenAI-compatible server. Add one in Settings, or choose the offline planner.</source>
        <translation>No hay ninguna clave de API guardada para el servidor compatible con OpenAI. Añada una en Configuración o elija el planificador sin conexión.</translation>
    </message>
    <message>
        <source>The API key for Gemini cannot be read: the system keychain is not available (%1).</source>
        <extracomment>%1: what the keychain said.</extracomment>
        <translation>No se puede leer la clave de API de Gemini: el llavero del sistema no está disponible (%1).</translation>
    </message>
    <message>
        <source>The API key for the OpenAI-compatible server cannot be read: the system keychain is not available (%1).</source>
        <translation>No se puede leer la clave de API del servidor compatible con OpenAI: el llavero del sistema no está disponible (%1).</translation>
    </message>
    <message>
        <source>The API key for Gemini cannot be read from the keychain: %1</source>
        <translation>No se puede leer del llavero la clave de API de Gemini: %1</translation>
    </message>
    <message>
        <source>The API key for the OpenAI-compatible server cannot be read from the keychain: %1</source>
        <translation>No se puede leer del llavero la clave de API del servidor compatible con OpenAI: %1</translation>
    </message>
</context>
<context>
    <name>tp::SecretStore</name>
    <message>
        <source>The system keychain did not answer in time (is it locked and waiting for a password?).</source>
        <translation>El llavero del sistema no respondió a tiempo (¿está bloqueado y esperando una contraseña?).</translation>
    </message>
    <message>
        <source>No secret is stored under this name.</source>
        <translation>No hay ningún secreto guardado con este nombre.</translation>
    </message>
    <message>
        <source>Access to the system keychain was refused (%1).</source>
        <translation>Se denegó el acceso al llavero del sistema (%1).</translation>
    </message>
    <message>
        <source>No system keychain is available (%1).</source>
        <translation>No hay ningún llavero del sistema disponible (%1).</translation>
    </message>
    <message>
        <source>The system keychain reported an error (%1).</source>
        <translation>El llavero del sistema informó de un error (%1).</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time.</source>
        <translation>El llavero del sistema no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Saved in the system keychain.</source>
        <translation>Guardado en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Removed from the system keychain.</source>
        <translation>Eliminado del llavero del sistema.</translation>
    </message>
    <message>
        <source>The session-only secret was forgotten.</source>
        <translation>Se ha olvidado el secreto guardado solo para esta sesión.</translation>
    </message>
    <message>
        <source>The system keychain is available.</source>
        <translation>El llavero del sistema está disponible.</translation>
    </message>
</context>
<context>
    <name>tp::Settings</name>
    <message>
        <source>database.url must be a postgresql:// URL; the embedded file is set with database.file</source>
        <translation>database.url debe ser una URL postgresql://; el archivo integrado se define con database.file</translation>
    </message>
    <message>
        <source>The URL contains a password, which is never stored in the settings. Store the URL without it and the password in the keychain (tripplanner-cli secret set database-password, or the settings dialog).</source>
        <translation>La URL contiene una contraseña, que nunca se guarda en la configuración. Guarde la URL sin ella y la contraseña en el llavero (tripplanner-cli secret set database-password, o el diálogo de configuración).</translation>
    </message>
    <message>
        <source>%1 must be an http:// or https:// URL</source>
        <translation>%1 debe ser una URL http:// o https://</translation>
    </message>
    <message>
        <source>%1 must not contain a user name or password; API keys go to the keychain</source>
        <translation>%1 no debe contener un nombre de usuario ni una contraseña; las claves de API se guardan en el llavero</translation>
    </message>
    <message>
        <source>%1 must not contain an API key or token (&quot;%2=&quot;): the settings file is not a safe place for one. Use a server that needs no key.</source>
        <translation>%1 no debe contener una clave de API ni un token («%2=»): el archivo de configuración no es un lugar seguro para guardarlos. Use un servidor que no necesite clave.</translation>
    </message>
    <message>
        <source>map.tile-url must contain {z}, {x} and {y}, as in %1</source>
        <translation>map.tile-url debe contener {z}, {x} y {y}, como en %1</translation>
    </message>
    <message>
        <source>%1 is on or off</source>
        <translation>%1 debe ser on u off</translation>
    </message>
    <message>
        <source>A profile name is 1 to 40 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Un nombre de perfil consta de 1 a 40 letras, dígitos, &apos;-&apos; o &apos;_&apos;.</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;; the settings are: %2</source>
        <translation>Opción de configuración desconocida «%1»; las opciones son: %2</translation>
    </message>
    <message>
        <source>database.mode is embedded or postgresql</source>
        <translation>database.mode debe ser embedded o postgresql</translation>
    </message>
    <message>
        <source>llm.provider is offline, gemini or openai-compatible</source>
        <translation>llm.provider debe ser offline, gemini u openai-compatible</translation>
    </message>
    <message>
        <source>database.url in the settings file contains a password; it is ignored. Move it to the keychain (the settings dialog offers to, or `tripplanner-cli secret set database-password`) and then run `tripplanner-cli config set database.url` with the URL without it.</source>
        <extracomment>&quot;database.url&quot; is the setting&apos;s key: keep it as it is.</extracomment>
        <translation>database.url del archivo de configuración contiene una contraseña; se ignora. Muévala al llavero (el diálogo de configuración ofrece hacerlo, o `tripplanner-cli secret set database-password`) y después ejecute `tripplanner-cli config set database.url` con la URL sin ella.</translation>
    </message>
    <message>
        <source>%1 in the settings file is ignored (the default is used): %2</source>
        <extracomment>%1: the setting&apos;s key (&quot;database.url&quot;), as it is; %2: why the value is ignored.</extracomment>
        <translation>%1 del archivo de configuración se ignora (se usa el valor predeterminado): %2</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>No se pudo escribir la configuración en %1.</translation>
    </message>
    <message>
        <source>PostgreSQL is selected but no server is set.</source>
        <translation>PostgreSQL está seleccionado, pero no se ha definido ningún servidor.</translation>
    </message>
    <message>
        <source>ui.language is a language code such as de, fr or es (empty: the system&apos;s)</source>
        <translation>ui.language es un código de idioma como de, fr o es (vacío: el idioma del sistema)</translation>
    </message>
</context>
<context>
    <name>tp::Suggest</name>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD)</source>
        <translation>«%1» no es una fecha (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (HH:MM)</source>
        <translation>«%1» no es una hora (HH:MM)</translation>
    </message>
    <message>
        <source>is not an amount this plan can hold</source>
        <translation>no es un importe válido para este plan</translation>
    </message>
    <message>
        <source>The planner&apos;s answer held no proposals that could be read. Try again.</source>
        <translation>La respuesta del planificador no contenía propuestas legibles. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>%1: %2 to %3</source>
        <translation>%1: del %2 al %3</translation>
    </message>
    <message>
        <source>Idea: %1</source>
        <translation>Idea: %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>is %1, not the plan&apos;s home currency %2</source>
        <translation>es %1, no la moneda de referencia del plan (%2)</translation>
    </message>
    <message>
        <source>the plan has no home currency to hold the budget: choose one first</source>
        <translation>el plan no tiene moneda de referencia para el presupuesto: elija una primero</translation>
    </message>
    <message>
        <source>Trip budget: %1</source>
        <translation>Presupuesto del viaje: %1</translation>
    </message>
    <message>
        <source>%1 of the planner&apos;s proposals could not be read and are not shown.</source>
        <translation>Propuestas del planificador que no se pudieron leer y no se muestran: %1.</translation>
    </message>
    <message>
        <source>The built-in planner proposes only what it can work out from the bundled data and your plan: it names no hotels or venues, and prices only from the destination&apos;s average cost per day. A model (Settings → AI planner) gives richer suggestions.</source>
        <translation>El planificador integrado solo propone lo que puede deducir de los datos incluidos y de su plan: no nombra hoteles ni locales, y solo calcula precios a partir del coste medio por día del destino. Un modelo (Configuración → Planificador de IA) ofrece sugerencias más completas.</translation>
    </message>
    <message>
        <source>Choose the trip&apos;s destination first: the suggestions are for a place.</source>
        <translation>Elija primero el destino del viaje: las sugerencias son para un lugar concreto.</translation>
    </message>
    <message>
        <source>Give the trip its dates first: the suggestions fill the days from the first to the last.</source>
        <translation>Indique primero las fechas del viaje: las sugerencias llenan los días del primero al último.</translation>
    </message>
    <message>
        <source>A stay in central %1</source>
        <translation>Alojamiento en el centro de %1</translation>
    </message>
    <message>
        <source>%1 centre</source>
        <translation>Centro de %1</translation>
    </message>
    <message>
        <source>Choose a hotel or flat near the centre, then add its name, address and price.</source>
        <translation>Elija un hotel o apartamento cerca del centro y añada su nombre, dirección y precio.</translation>
    </message>
    <message numerus="yes">
        <source>Stay near the centre of %1: %2 to %3 (%n nights)</source>
        <translation>
            <numerusform>Alojamiento cerca del centro de %1: del %2 al %3 (%n noche)</numerusform>
            <numerusform>Alojamiento cerca del centro de %1: del %2 al %3 (%n noches)</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan has no stay for these nights. Staying central keeps the walks and rides short; the built-in planner knows no hotels, so the name and price are yours to fill in.</source>
        <translation>El plan no tiene alojamiento para estas noches. Alojarse en el centro acorta los paseos y desplazamientos; el planificador integrado no conoce hoteles, así que el nombre y el precio los completa usted.</translation>
    </message>
    <message>
        <source>Every night of the trip already has a stay.</source>
        <translation>Todas las noches del viaje tienen ya alojamiento.</translation>
    </message>
    <message>
        <source>A one-day trip has no night to stay.</source>
        <translation>Un viaje de un día no tiene noches de alojamiento.</translation>
    </message>
    <message>
        <source>A day at the beach near %1</source>
        <translation>Un día de playa cerca de %1</translation>
    </message>
    <message>
        <source>Swimming or snorkelling from a quieter cove</source>
        <translation>Nadar o hacer snorkel en una cala más tranquila</translation>
    </message>
    <message>
        <source>A mountain walk to a viewpoint above %1</source>
        <translation>Una excursión por la montaña hasta un mirador sobre %1</translation>
    </message>
    <message>
        <source>A cable car or scenic drive into the mountains</source>
        <translation>Un teleférico o una ruta panorámica en coche por la montaña</translation>
    </message>
    <message>
        <source>A walking tour of %1&apos;s old town</source>
        <translation>Una visita a pie por el casco antiguo de %1</translation>
    </message>
    <message>
        <source>Markets and neighbourhoods away from the main streets</source>
        <translation>Mercados y barrios alejados de las calles principales</translation>
    </message>
    <message>
        <source>%1&apos;s main museum or historic site</source>
        <translation>El principal museo o lugar histórico de %1</translation>
    </message>
    <message>
        <source>A guided visit of the historic centre</source>
        <translation>Una visita guiada por el centro histórico</translation>
    </message>
    <message>
        <source>A walk in a nature park near %1</source>
        <translation>Un paseo por un parque natural cerca de %1</translation>
    </message>
    <message>
        <source>Sunrise or sunset at a viewpoint</source>
        <translation>Amanecer o atardecer en un mirador</translation>
    </message>
    <message>
        <source>A food market and %1&apos;s local specialities</source>
        <translation>Un mercado gastronómico y las especialidades locales de %1</translation>
    </message>
    <message>
        <source>A cooking class or food tour</source>
        <translation>Una clase de cocina o una ruta gastronómica</translation>
    </message>
    <message>
        <source>An evening out: bars and live music</source>
        <translation>Una salida nocturna: bares y música en directo</translation>
    </message>
    <message>
        <source>An afternoon at a spa</source>
        <translation>Una tarde en un spa</translation>
    </message>
    <message>
        <source>A free walking tour of %1</source>
        <translation>Una visita guiada gratuita a pie por %1</translation>
    </message>
    <message>
        <source>%1 is known for %2, which you said you enjoy.</source>
        <translation>%1 destaca por %2, algo que a usted le gusta.</translation>
    </message>
    <message>
        <source>%1 is known for %2.</source>
        <translation>%1 destaca por %2.</translation>
    </message>
    <message>
        <source>The plan already holds every idea the built-in planner has for %1. %2</source>
        <translation>El plan ya contiene todas las ideas que el planificador integrado tiene para %1. %2</translation>
    </message>
    <message>
        <source>the destination</source>
        <translation>el destino</translation>
    </message>
    <message>
        <source>One of your ideas, on a free day in %1.</source>
        <translation>Una de sus ideas, en un día libre en %1.</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Traslado a %1</translation>
    </message>
    <message>
        <source>You change stays that day: keep it light, and check the way between them.</source>
        <translation>Ese día cambia de alojamiento: tómeselo con calma y compruebe cómo ir de uno a otro.</translation>
    </message>
    <message>
        <source>Arrive and settle in; a first walk around %1</source>
        <translation>Llegada e instalación; un primer paseo por %1</translation>
    </message>
    <message>
        <source>The first day goes to getting there and checking in.</source>
        <translation>El primer día se dedica a llegar y registrarse en el alojamiento.</translation>
    </message>
    <message>
        <source>Pack, check out and travel home</source>
        <translation>Hacer las maletas, dejar el alojamiento y volver a casa</translation>
    </message>
    <message>
        <source>The last day goes to the journey home.</source>
        <translation>El último día se dedica al viaje de vuelta a casa.</translation>
    </message>
    <message>
        <source>Rest day in %1: nothing planned</source>
        <translation>Día de descanso en %1: nada planificado</translation>
    </message>
    <message>
        <source>A free day every few days keeps a long trip enjoyable.</source>
        <translation>Un día libre cada pocos días hace que un viaje largo se disfrute más.</translation>
    </message>
    <message>
        <source>Explore %1 at your own pace</source>
        <translation>Explorar %1 a su aire</translation>
    </message>
    <message>
        <source>Every idea is on a day already: a free day to wander.</source>
        <translation>Todas las ideas ya tienen día: un día libre para pasear sin rumbo.</translation>
    </message>
    <message>
        <source>Every day of the trip already has something planned.</source>
        <translation>Todos los días del viaje tienen ya algo planificado.</translation>
    </message>
    <message>
        <source>Home currency: %1</source>
        <translation>Moneda de referencia: %1</translation>
    </message>
    <message>
        <source>The destination&apos;s cost per day is the catalogue&apos;s figure in US dollars. Choose another currency in the Budget stage if you count in it.</source>
        <translation>El coste por día del destino es la cifra del catálogo en dólares estadounidenses. Elija otra moneda en la etapa Presupuesto si prefiere hacer las cuentas en ella.</translation>
    </message>
    <message>
        <source>Most of the plan&apos;s prices are in %1.</source>
        <translation>La mayoría de los precios del plan están en %1.</translation>
    </message>
    <message>
        <source>The trip&apos;s budget already matches the estimate (%1 %2).</source>
        <translation>El presupuesto del viaje ya coincide con la estimación (%1 %2).</translation>
    </message>
    <message>
        <source>Trip budget: %1 %2</source>
        <translation>Presupuesto del viaje: %1 %2</translation>
    </message>
    <message>
        <source>Food and daily costs at the destination&apos;s average: %1 = %2.</source>
        <translation>Comida y gastos diarios según la media del destino: %1 = %2.</translation>
    </message>
    <message>
        <source>Plus %1 that the plan&apos;s stays, transport, activities and other costs already price.</source>
        <translation>Más %1 que ya suman los alojamientos, el transporte, las actividades y otros gastos del plan.</translation>
    </message>
    <message>
        <source>The trip&apos;s budget is %1 now.</source>
        <translation>El presupuesto del viaje es ahora de %1.</translation>
    </message>
    <message>
        <source>That is more than the %1 your preferences give as the most for a trip.</source>
        <translation>Es más que los %1 que sus preferencias indican como máximo para un viaje.</translation>
    </message>
    <message>
        <source>That is less than the %1 your preferences give as the least for a trip.</source>
        <translation>Es menos que los %1 que sus preferencias indican como mínimo para un viaje.</translation>
    </message>
    <message>
        <source>Not counted: %1</source>
        <translation>No contabilizado: %1</translation>
    </message>
    <message>
        <source>%1 is outside the trip (%2 to %3)</source>
        <translation>%1 queda fuera del viaje (del %2 al %3)</translation>
    </message>
    <message>
        <source>leaves %1 min to cover the %2 km from &quot;%3&quot; (about %4 min)</source>
        <translation>deja %1 min para recorrer los %2 km desde «%3» (hacen falta unos %4 min)</translation>
    </message>
    <message>
        <source>leaves %1 min to cover the %2 km to &quot;%3&quot; (about %4 min)</source>
        <translation>deja %1 min para recorrer los %2 km hasta «%3» (hacen falta unos %4 min)</translation>
    </message>
    <message>
        <source>the activity is no longer in the plan</source>
        <translation>la actividad ya no está en el plan</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (such as EUR, USD, JPY)</source>
        <translation>«%1» no es un código de moneda ISO 4217 (como EUR, USD, JPY)</translation>
    </message>
    <message>
        <source>puts the same idea on a day twice</source>
        <translation>programa la misma idea dos veces</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and &quot;%2&quot; are both for the night of %3</source>
        <translation>«%1» y «%2» son ambos para la noche del %3</translation>
    </message>
    <message>
        <source>there are no proposals to accept</source>
        <translation>no hay propuestas que aceptar</translation>
    </message>
    <message>
        <source>none of the proposals can be accepted as it is</source>
        <translation>ninguna de las propuestas se puede aceptar tal como está</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a proposal&apos;s number: give numbers from 1 to %2, separated by commas, or all</source>
        <translation>«%1» no es un número de propuesta: indique números del 1 al %2, separados por comas, o all</translation>
    </message>
    <message>
        <source>proposal %1 cannot be accepted: %2 %3</source>
        <translation>la propuesta %1 no se puede aceptar: %2 %3</translation>
    </message>
    <message>
        <source>give proposal numbers separated by commas (1,3), or all</source>
        <translation>indique los números de las propuestas separados por comas (1,3), o all</translation>
    </message>
    <message>
        <source>the file names no stage this version knows</source>
        <translation>el archivo no indica ninguna etapa que esta versión conozca</translation>
    </message>
    <message>
        <source>the file names no trip</source>
        <translation>el archivo no indica ningún viaje</translation>
    </message>
    <message>
        <source>is not a kind of proposal this version knows</source>
        <translation>no es un tipo de propuesta que esta versión conozca</translation>
    </message>
    <message>
        <source>is not an amount</source>
        <translation>no es un importe</translation>
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
        <translation>desde %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Travellers</source>
        <translation>Viajeros</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>tp::Validation</name>
    <message>
        <source>contains a NUL character</source>
        <translation>contiene un carácter NUL</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>no es un número</translation>
    </message>
    <message>
        <source>is not a number (use digits and a &apos;.&apos; decimal point)</source>
        <translation>no es un número (use cifras y un punto &apos;.&apos; como separador decimal)</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <source>has more than %1 decimals</source>
        <translation>tiene más de %1 decimales</translation>
    </message>
    <message>
        <source>is too large (at most %1 digits before the decimal point)</source>
        <translation>es demasiado grande (como máximo %1 cifras antes del punto decimal)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>One field error in an error message: %1 is the field&apos;s key (an identifier such as &quot;end_date&quot;, not translated), %2 the problem (&quot;must not be before the start date&quot;).</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>is required</source>
        <extracomment>A field error, shown after the field&apos;s name: &quot;Title is required&quot;, &quot;title: is required&quot;.</extracomment>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>must be at most %L1 characters (it has %L2)</source>
        <translation>debe tener como máximo %L1 caracteres (tiene %L2)</translation>
    </message>
    <message>
        <source>must not be before the start date</source>
        <translation>no puede ser anterior a la fecha de inicio</translation>
    </message>
    <message>
        <source>must have 2 decimals</source>
        <translation>debe tener 2 decimales</translation>
    </message>
    <message>
        <source>must be between 0 and 99,999,999.99</source>
        <translation>debe estar entre 0 y 99999999.99</translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation>debe ser al menos 1</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>debe ser uno de los siguientes: %1</translation>
    </message>
    <message>
        <source>must be between 0 and 999,999.99</source>
        <translation>debe estar entre 0 y 999999.99</translation>
    </message>
    <message>
        <source>must be between -90 and 90</source>
        <translation>debe estar entre -90 y 90</translation>
    </message>
    <message>
        <source>must be between -180 and 180</source>
        <translation>debe estar entre -180 y 180</translation>
    </message>
    <message>
        <source>is required when the other coordinate is set</source>
        <translation>es obligatorio si se indica la otra coordenada</translation>
    </message>
    <message>
        <source>must not be less than the minimum budget</source>
        <translation>no puede ser inferior al presupuesto mínimo</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>no puede ser negativo</translation>
    </message>
    <message>
        <source>may contain only letters, digits and @ . + - _</source>
        <translation>solo puede contener letras, cifras y @ . + - _</translation>
    </message>
    <message>
        <source>must be between -%1 and %1</source>
        <translation>debe estar entre -%1 y %1</translation>
    </message>
    <message>
        <source>is not a valid date (use YYYY-MM-DD): %1</source>
        <translation>no es una fecha válida (use YYYY-MM-DD): %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 already exists</source>
        <extracomment>A field error, shown after the name field&apos;s label: &quot;Name &quot;Valencia&quot; in Spain already exists&quot;.</extracomment>
        <translation>ya existe «%1» en %2</translation>
    </message>
    <message>
        <source>there is no destination with id %1</source>
        <translation>no hay ningún destino con el id %1</translation>
    </message>
    <message>
        <source>must be at most 254 characters</source>
        <translation>debe tener como máximo 254 caracteres</translation>
    </message>
</context>
<context>
    <name>tp::app::SuggestionRunner</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>No model is chosen in the settings.</source>
        <translation>No se ha elegido ningún modelo en la configuración.</translation>
    </message>
    <message>
        <source>The planner failed unexpectedly.</source>
        <translation>El planificador falló de forma inesperada.</translation>
    </message>
</context>
<context>
    <name>tp::app::TripSession</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
</context>
<context>
    <name>tp::cli</name>
    <message>
        <source>completion bash|zsh|fish: print the shell&apos;s completion script.
Packages install them; by hand, for example:
  tripplanner-cli completion bash &gt; ~/.local/share/bash-completion/completions/tripplanner-cli</source>
        <translation>completion bash|zsh|fish: muestra el script de autocompletado del shell.
Los paquetes lo instalan; a mano, por ejemplo:
  tripplanner-cli completion bash &gt; ~/.local/share/bash-completion/completions/tripplanner-cli</translation>
    </message>
    <message>
        <source>completion needs bash, zsh or fish</source>
        <translation>completion necesita bash, zsh o fish</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-- Dry run: %n migrations executed inside a transaction and rolled back; nothing changed (schema version %1).</source>
        <translation>
            <numerusform>-- Simulación: %n migración ejecutada dentro de una transacción y revertida; no ha cambiado nada (versión del esquema %1).</numerusform>
            <numerusform>-- Simulación: %n migraciones ejecutadas dentro de una transacción y revertidas; no ha cambiado nada (versión del esquema %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n features that are not single places (tracks, routes, areas).</source>
        <translation>
            <numerusform>Se omitió %n elemento que no es un lugar concreto (trazas, rutas, áreas).</numerusform>
            <numerusform>Se omitieron %n elementos que no son lugares concretos (trazas, rutas, áreas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n places recognised; nothing added. Run again with --apply to add them as ideas.</source>
        <translation>
            <numerusform>%n lugar reconocido; no se ha añadido nada. Vuelva a ejecutarlo con --apply para añadirlo como idea.</numerusform>
            <numerusform>%n lugares reconocidos; no se ha añadido nada. Vuelva a ejecutarlo con --apply para añadirlos como ideas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n ideas to the plan.</source>
        <translation>
            <numerusform>Se añadió %n idea al plan.</numerusform>
            <numerusform>Se añadieron %n ideas al plan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items recognised; nothing added. Run again with --apply to add them.</source>
        <translation>
            <numerusform>%n elemento reconocido; no se ha añadido nada. Vuelva a ejecutarlo con --apply para añadirlo.</numerusform>
            <numerusform>%n elementos reconocidos; no se ha añadido nada. Vuelva a ejecutarlo con --apply para añadirlos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n items to the plan.</source>
        <translation>
            <numerusform>Se añadió %n elemento al plan.</numerusform>
            <numerusform>Se añadieron %n elementos al plan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n events to %1</source>
        <translation>
            <numerusform>Se escribió %n evento en %1</numerusform>
            <numerusform>Se escribieron %n eventos en %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n pages to %1</source>
        <translation>
            <numerusform>Se escribió %n página en %1</numerusform>
            <numerusform>Se escribieron %n páginas en %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n things to see to</source>
        <translation>
            <numerusform>%n cosa pendiente</numerusform>
            <numerusform>%n cosas pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n proposal(s) into the plan of trip %1:</source>
        <translation>
            <numerusform>Se aceptó %n propuesta en el plan del viaje %1:</numerusform>
            <numerusform>Se aceptaron %n propuestas en el plan del viaje %1:</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no user named &quot;%1&quot; (see: users list).</source>
        <translation>No hay ningún usuario llamado «%1» (véase: users list).</translation>
    </message>
    <message>
        <source>missing argument</source>
        <translation>falta un argumento</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argumento inesperado «%1»</translation>
    </message>
    <message>
        <source>Talk to the trip planner about one trip: one message per line on stdin, the planner&apos;s reply to each on stdout. Without --provider the saved settings choose it. The API key comes from $TRIPPLANNER_LLM_API_KEY, else from the keychain (`secret set llm-api-key`).</source>
        <translation>Conversa con el planificador sobre un viaje: un mensaje por línea en stdin y la respuesta del planificador a cada uno en stdout. Sin --provider, lo elige la configuración guardada. La clave de API se toma de $TRIPPLANNER_LLM_API_KEY o, si no, del llavero (`secret set llm-api-key`).</translation>
    </message>
    <message>
        <source>The user (default: the local user named after your OS account).</source>
        <translation>El usuario (predeterminado: el usuario local con el nombre de su cuenta del sistema operativo).</translation>
    </message>
    <message>
        <source>The trip id.</source>
        <translation>El id del viaje.</translation>
    </message>
    <message>
        <source>--trip needs a trip id (a positive whole number)</source>
        <translation>--trip necesita un id de viaje (un número entero positivo)</translation>
    </message>
    <message>
        <source>cannot read stdin</source>
        <translation>no se puede leer stdin</translation>
    </message>
    <message>
        <source>line %1 contains a NUL character</source>
        <translation>la línea %1 contiene un carácter NUL</translation>
    </message>
    <message>
        <source>line %1 is not valid UTF-8 text</source>
        <translation>la línea %1 no es texto UTF-8 válido</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: %1; nothing was saved for it.</source>
        <translation>tripplanner-cli: error: %1; no se guardó nada de esa línea.</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: %1 (nothing was saved for: %2)</source>
        <translation>tripplanner-cli: error: %1 (no se guardó nada del mensaje: %2)</translation>
    </message>
    <message>
        <source>Settings profile (default: default).</source>
        <translation>Perfil de configuración (predeterminado: default).</translation>
    </message>
    <message>
        <source>set (this session only)</source>
        <translation>definido (solo en esta sesión)</translation>
    </message>
    <message>
        <source>set (in the keychain)</source>
        <translation>definido (en el llavero)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>unknown: no keychain available</source>
        <translation>se desconoce: no hay ningún llavero disponible</translation>
    </message>
    <message>
        <source>unknown: the keychain reported an error</source>
        <translation>se desconoce: el llavero informó de un error</translation>
    </message>
    <message>
        <source>(embedded)</source>
        <translation>(integrado)</translation>
    </message>
    <message>
        <source>(default: %1)</source>
        <translation>(predeterminado: %1)</translation>
    </message>
    <message>
        <source>(offline)</source>
        <translation>(sin conexión)</translation>
    </message>
    <message>
        <source>(on)</source>
        <translation>(activado)</translation>
    </message>
    <message>
        <source>Profile: %1   File: %2</source>
        <translation>Perfil: %1   Archivo: %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>unknown secret &quot;%1&quot; (database-password or llm-api-key)</source>
        <translation>secreto desconocido «%1» (database-password o llm-api-key)</translation>
    </message>
    <message>
        <source>--provider is gemini or openai-compatible</source>
        <translation>--provider debe ser gemini u openai-compatible</translation>
    </message>
    <message>
        <source>the offline planner needs no key; name the provider with --provider gemini or --provider openai-compatible</source>
        <translation>el planificador sin conexión no necesita clave; indique el proveedor con --provider gemini o --provider openai-compatible</translation>
    </message>
    <message>
        <source>usage: config show | config set KEY VALUE | config unset KEY  [--profile NAME]
keys: %1
(secrets are set with: secret set database-password|llm-api-key, value on stdin)</source>
        <translation>uso: config show | config set KEY VALUE | config unset KEY  [--profile NAME]
claves: %1
(los secretos se definen con: secret set database-password|llm-api-key, con el valor en stdin)</translation>
    </message>
    <message>
        <source>%1 unset</source>
        <translation>%1 restablecido</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>usage: secret set NAME [--provider P] [--profile NAME]   (the value is read from stdin)
       secret clear NAME [--provider P] [--profile NAME]
names: database-password, llm-api-key (of --provider gemini|openai-compatible, default: the configured llm.provider)</source>
        <translation>uso: secret set NAME [--provider P] [--profile NAME]   (el valor se lee de stdin)
     secret clear NAME [--provider P] [--profile NAME]
nombres: database-password, llm-api-key (de --provider gemini|openai-compatible; predeterminado: el llm.provider configurado)</translation>
    </message>
    <message>
        <source>LLM provider of the API key.</source>
        <translation>Proveedor de LLM de la clave de API.</translation>
    </message>
    <message>
        <source>invalid arguments (the secret is read from stdin, never from the command line)</source>
        <translation>argumentos no válidos (el secreto se lee de stdin, nunca de la línea de comandos)</translation>
    </message>
    <message>
        <source>%1 cleared</source>
        <translation>%1 borrado</translation>
    </message>
    <message>
        <source>%1 was not set</source>
        <translation>%1 no estaba definido</translation>
    </message>
    <message>
        <source>error: the value on stdin contains a NUL character or is not valid UTF-8 text; nothing was stored</source>
        <translation>error: el valor de stdin contiene un carácter NUL o no es texto UTF-8 válido; no se guardó nada</translation>
    </message>
    <message>
        <source>error: no value on stdin (pipe the secret in, e.g. from a password manager)</source>
        <translation>error: no hay ningún valor en stdin (pase el secreto por una tubería, p. ej. desde un gestor de contraseñas)</translation>
    </message>
    <message>
        <source>%1 saved in the system keychain</source>
        <translation>%1 guardado en el llavero del sistema</translation>
    </message>
    <message>
        <source>error: %1 Nothing was stored: the app never keeps secrets in plain text. Use the DATABASE_URL environment variable or the settings dialog&apos;s session-only option instead.</source>
        <translation>error: %1 No se guardó nada: la aplicación nunca guarda secretos en texto sin cifrar. Use en su lugar la variable de entorno DATABASE_URL o la opción «solo durante esta sesión» del diálogo de configuración.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>CITY</source>
        <translation>CIUDAD</translation>
    </message>
    <message>
        <source>COUNTRY</source>
        <translation>PAÍS</translation>
    </message>
    <message>
        <source>COORDINATES</source>
        <translation>COORDENADAS</translation>
    </message>
    <message>
        <source>PER DAY</source>
        <translation>POR DÍA</translation>
    </message>
    <message>
        <source>BEST TIME</source>
        <translation>MEJOR ÉPOCA</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Muestra la salida en JSON.</translation>
    </message>
    <message>
        <source>destinations list: the catalogue, by name.</source>
        <translation>destinations list: el catálogo, por nombre.</translation>
    </message>
    <message>
        <source>destinations search TEXT: the destinations where every word of TEXT begins a word of the name, city, country or description (case and accents ignored: &quot;sao paulo&quot; finds São Paulo).</source>
        <translation>destinations search TEXT: los destinos en los que cada palabra de TEXT es el comienzo de una palabra del nombre, la ciudad, el país o la descripción (sin distinguir mayúsculas ni acentos: «sao paulo» encuentra São Paulo).</translation>
    </message>
    <message>
        <source>Words to look for.</source>
        <translation>Palabras que buscar.</translation>
    </message>
    <message>
        <source>destinations add --name NAME --country COUNTRY [fields]</source>
        <translation>destinations add --name NAME --country COUNTRY [fields]</translation>
    </message>
    <message>
        <source>Name (required).</source>
        <translation>Nombre (obligatorio).</translation>
    </message>
    <message>
        <source>Country (required).</source>
        <translation>País (obligatorio).</translation>
    </message>
    <message>
        <source>City.</source>
        <translation>Ciudad.</translation>
    </message>
    <message>
        <source>Description.</source>
        <translation>Descripción.</translation>
    </message>
    <message>
        <source>Best time to visit.</source>
        <translation>Mejor época para ir.</translation>
    </message>
    <message>
        <source>Typical cost per day, e.g. 85.50.</source>
        <translation>Coste típico por día, p. ej. 85.50.</translation>
    </message>
    <message>
        <source>Latitude, -90 to 90, at most 6 decimals.</source>
        <translation>Latitud, de -90 a 90, con 6 decimales como máximo.</translation>
    </message>
    <message>
        <source>Longitude, -180 to 180, at most 6 decimals.</source>
        <translation>Longitud, de -180 a 180, con 6 decimales como máximo.</translation>
    </message>
    <message>
        <source>Created destination %1: %2, %3</source>
        <translation>Se creó el destino %1: %2, %3</translation>
    </message>
    <message>
        <source>destinations locate: give every destination without coordinates the position of its city (or name) in the offline gazetteer, and record where it came from.</source>
        <translation>destinations locate: asigna a cada destino sin coordenadas la posición de su ciudad (o nombre) en el nomenclátor sin conexión y registra su procedencia.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n destinations without coordinates placed; %2 not found.</source>
        <translation>
            <numerusform>Destinos sin coordenadas ubicados: %1 de %n; no encontrados: %2.</numerusform>
            <numerusform>Destinos sin coordenadas ubicados: %1 de %n; no encontrados: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>destinations needs list, search, add or locate</source>
        <translation>destinations necesita list, search, add o locate</translation>
    </message>
    <message>
        <source>unknown destinations command &quot;%1&quot;</source>
        <translation>comando de destinations desconocido «%1»</translation>
    </message>
    <message>
        <source>Check the database: reachability, server, TLS, pooling, schema, latency.</source>
        <translation>Comprueba la base de datos: accesibilidad, servidor, TLS, agrupación de conexiones, esquema y latencia.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Accesible</translation>
    </message>
    <message>
        <source>NO: %1</source>
        <translation>NO: %1</translation>
    </message>
    <message>
        <source>yes (connected in %1 ms)</source>
        <translation>sí (conectado en %1 ms)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activado</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Punto de conexión</translation>
    </message>
    <message>
        <source>pooled (a connection pooler such as PgBouncer or Neon&apos;s -pooler endpoint)</source>
        <translation>agrupado (un agrupador de conexiones como PgBouncer o el punto de conexión -pooler de Neon)</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>directo</translation>
    </message>
    <message>
        <source>SQLite %1 (embedded file)</source>
        <translation>SQLite %1 (archivo integrado)</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>no aplicable</translation>
    </message>
    <message>
        <source>embedded</source>
        <translation>integrado</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>PROBLEM: version %1 is newer than this app understands (%2); update Trip Planner</source>
        <translation>PROBLEMA: la versión %1 es más reciente de lo que entiende esta aplicación (%2); actualice Trip Planner</translation>
    </message>
    <message numerus="yes">
        <source>PROBLEM: version %1, %n pending (%2), tables made by the web app will be adopted; run `tripplanner-cli migrate`</source>
        <translation>
            <numerusform>PROBLEMA: versión %1, %n migración pendiente (%2), se adoptarán las tablas creadas por la aplicación web; ejecute `tripplanner-cli migrate`</numerusform>
            <numerusform>PROBLEMA: versión %1, %n migraciones pendientes (%2), se adoptarán las tablas creadas por la aplicación web; ejecute `tripplanner-cli migrate`</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PROBLEM: version %1, %n pending (%2); run `tripplanner-cli migrate`</source>
        <translation>
            <numerusform>PROBLEMA: versión %1, %n migración pendiente (%2); ejecute `tripplanner-cli migrate`</numerusform>
            <numerusform>PROBLEMA: versión %1, %n migraciones pendientes (%2); ejecute `tripplanner-cli migrate`</numerusform>
        </translation>
    </message>
    <message>
        <source>version %1 (current)</source>
        <translation>versión %1 (actualizado)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <source>%1 ms (median of 5 round trips)</source>
        <translation>%1 ms (mediana de 5 idas y vueltas)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>export --user NAME [--output FILE]: all of one user&apos;s data as one JSON document.</source>
        <translation>export --user NAME [--output FILE]: todos los datos de un usuario en un único documento JSON.</translation>
    </message>
    <message>
        <source>The user whose data to export (required).</source>
        <translation>El usuario cuyos datos se exportan (obligatorio).</translation>
    </message>
    <message>
        <source>Write to this file instead of standard output.</source>
        <translation>Escribe en este archivo en lugar de en la salida estándar.</translation>
    </message>
    <message>
        <source>export needs --user NAME</source>
        <translation>export necesita --user NAME</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir en %1: %2</translation>
    </message>
    <message>
        <source>Exported %1&apos;s data to %2.</source>
        <translation>Se exportaron los datos de %1 a %2.</translation>
    </message>
    <message>
        <source>Create or update the database schema.</source>
        <translation>Crea o actualiza el esquema de la base de datos.</translation>
    </message>
    <message>
        <source>Print the SQL and run it inside a transaction that is rolled back.</source>
        <translation>Muestra el SQL y lo ejecuta dentro de una transacción que después se revierte.</translation>
    </message>
    <message>
        <source>Applied %1</source>
        <translation>Se aplicó %1</translation>
    </message>
    <message>
        <source>The schema is up to date (version %1).</source>
        <translation>El esquema está actualizado (versión %1).</translation>
    </message>
    <message>
        <source>The schema is now at version %1.</source>
        <translation>El esquema está ahora en la versión %1.</translation>
    </message>
    <message>
        <source>The trip&apos;s id (see: trips list).</source>
        <translation>El id del viaje (véase: trips list).</translation>
    </message>
    <message>
        <source>--trip ID is required</source>
        <translation>--trip ID es obligatorio</translation>
    </message>
    <message>
        <source>must be a trip id (a positive whole number)</source>
        <translation>debe ser un id de viaje (un número entero positivo)</translation>
    </message>
    <message>
        <source>The place: a name, or an IATA airport code (FCO) looked up offline.</source>
        <translation>El lugar: un nombre o un código de aeropuerto IATA (FCO), que se busca sin conexión.</translation>
    </message>
    <message>
        <source>The place&apos;s latitude (-90 to 90).</source>
        <translation>Latitud del lugar (de -90 a 90).</translation>
    </message>
    <message>
        <source>The place&apos;s longitude (-180 to 180).</source>
        <translation>Longitud del lugar (de -180 a 180).</translation>
    </message>
    <message>
        <source>The place&apos;s IANA time zone, such as Europe/Rome.</source>
        <translation>Zona horaria IANA del lugar, como Europe/Rome.</translation>
    </message>
    <message>
        <source>Departure place: a name, or an IATA airport code (FCO) looked up offline.</source>
        <translation>Lugar de salida: un nombre o un código de aeropuerto IATA (FCO), que se busca sin conexión.</translation>
    </message>
    <message>
        <source>Departure place&apos;s latitude (-90 to 90).</source>
        <translation>Latitud del lugar de salida (de -90 a 90).</translation>
    </message>
    <message>
        <source>Departure place&apos;s longitude (-180 to 180).</source>
        <translation>Longitud del lugar de salida (de -180 a 180).</translation>
    </message>
    <message>
        <source>Departure place&apos;s IANA time zone, such as Europe/Rome.</source>
        <translation>Zona horaria IANA del lugar de salida, como Europe/Rome.</translation>
    </message>
    <message>
        <source>Arrival place: a name, or an IATA airport code (FCO) looked up offline.</source>
        <translation>Lugar de llegada: un nombre o un código de aeropuerto IATA (FCO), que se busca sin conexión.</translation>
    </message>
    <message>
        <source>Arrival place&apos;s latitude (-90 to 90).</source>
        <translation>Latitud del lugar de llegada (de -90 a 90).</translation>
    </message>
    <message>
        <source>Arrival place&apos;s longitude (-180 to 180).</source>
        <translation>Longitud del lugar de llegada (de -180 a 180).</translation>
    </message>
    <message>
        <source>Arrival place&apos;s IANA time zone, such as Europe/Rome.</source>
        <translation>Zona horaria IANA del lugar de llegada, como Europe/Rome.</translation>
    </message>
    <message>
        <source>must be a time HH:MM (24-hour clock)</source>
        <translation>debe ser una hora HH:MM (formato de 24 horas)</translation>
    </message>
    <message>
        <source>is required: give --currency (an ISO 4217 code such as EUR) or set the plan&apos;s home currency with `plan budget --home-currency`</source>
        <translation>es obligatorio: indique --currency (un código ISO 4217, como EUR) o defina la moneda de referencia del plan con `plan budget --home-currency`</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (such as EUR, USD, JPY)</source>
        <translation>«%1» no es un código de moneda ISO 4217 (como EUR, USD o JPY)</translation>
    </message>
    <message>
        <source>plan needs show, add, remove, budget, import, export, stage or suggest</source>
        <translation>plan necesita show, add, remove, budget, import, export, stage o suggest</translation>
    </message>
    <message>
        <source>unknown plan command &quot;%1&quot;</source>
        <translation>comando de plan desconocido «%1»</translation>
    </message>
    <message>
        <source>Booking reference.</source>
        <translation>Referencia de reserva.</translation>
    </message>
    <message>
        <source>idea (default) or booked.</source>
        <translation>idea (predeterminado) o booked.</translation>
    </message>
    <message>
        <source>Notes.</source>
        <translation>Notas.</translation>
    </message>
    <message>
        <source>ISO 4217 currency of the amount (default: the plan&apos;s home currency).</source>
        <translation>Moneda ISO 4217 del importe (predeterminada: la moneda de referencia del plan).</translation>
    </message>
    <message>
        <source>The item&apos;s id (default: a new one).</source>
        <translation>El id del elemento (predeterminado: uno nuevo).</translation>
    </message>
    <message>
        <source>plan add stay --trip ID --name NAME --check-in DATE --check-out DATE</source>
        <translation>plan add stay --trip ID --name NAME --check-in DATE --check-out DATE</translation>
    </message>
    <message>
        <source>The stay&apos;s name (hotel, flat...).</source>
        <translation>Nombre del alojamiento (hotel, apartamento...).</translation>
    </message>
    <message>
        <source>Check-in date, YYYY-MM-DD.</source>
        <translation>Fecha de entrada, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Check-out date, YYYY-MM-DD.</source>
        <translation>Fecha de salida, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Price for the whole stay (or a night with --per-night).</source>
        <translation>Precio de toda la estancia (o de una noche con --per-night).</translation>
    </message>
    <message>
        <source>The price is for each night.</source>
        <translation>El precio es por noche.</translation>
    </message>
    <message>
        <source>A web address.</source>
        <translation>Una dirección web.</translation>
    </message>
    <message>
        <source>plan add leg --trip ID --from PLACE --to PLACE [--depart &apos;YYYY-MM-DD HH:MM&apos;] [--arrive ...]
PLACE may be an IATA airport code (its city, coordinates and time zone are filled in).</source>
        <translation>plan add leg --trip ID --from PLACE --to PLACE [--depart &apos;YYYY-MM-DD HH:MM&apos;] [--arrive ...]
PLACE puede ser un código de aeropuerto IATA (se completan su ciudad, coordenadas y zona horaria).</translation>
    </message>
    <message>
        <source>flight (default), train, bus, ferry, car or other.</source>
        <translation>flight (predeterminado), train, bus, ferry, other o car.</translation>
    </message>
    <message>
        <source>Local departure date and time, &apos;YYYY-MM-DD HH:MM&apos;.</source>
        <translation>Fecha y hora locales de salida, &apos;YYYY-MM-DD HH:MM&apos;.</translation>
    </message>
    <message>
        <source>Local arrival date and time, &apos;YYYY-MM-DD HH:MM&apos;.</source>
        <translation>Fecha y hora locales de llegada, &apos;YYYY-MM-DD HH:MM&apos;.</translation>
    </message>
    <message>
        <source>Airline or operator code/name.</source>
        <translation>Código o nombre de la aerolínea o del operador.</translation>
    </message>
    <message>
        <source>Flight or train number.</source>
        <translation>Número de vuelo o de tren.</translation>
    </message>
    <message>
        <source>Cost.</source>
        <translation>Coste.</translation>
    </message>
    <message>
        <source>plan add activity --trip ID --title TITLE [--date DATE [--start HH:MM [--end HH:MM]]]
Without --date it is an idea, not yet on a day.</source>
        <translation>plan add activity --trip ID --title TITLE [--date DATE [--start HH:MM [--end HH:MM]]]
Sin --date es una idea, aún sin día asignado.</translation>
    </message>
    <message>
        <source>What it is.</source>
        <translation>Qué es.</translation>
    </message>
    <message>
        <source>A category (museum, food, hike...).</source>
        <translation>Una categoría (museo, comida, senderismo...).</translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD.</source>
        <translation>El día, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Start time, HH:MM.</source>
        <translation>Hora de inicio, HH:MM.</translation>
    </message>
    <message>
        <source>End time, HH:MM.</source>
        <translation>Hora de fin, HH:MM.</translation>
    </message>
    <message>
        <source>plan add cost --trip ID --label TEXT --amount AMOUNT: an &quot;other&quot; cost.</source>
        <translation>plan add cost --trip ID --label TEXT --amount AMOUNT: un gasto de la categoría «other».</translation>
    </message>
    <message>
        <source>What it is (insurance, visa...).</source>
        <translation>Qué es (seguro, visado...).</translation>
    </message>
    <message>
        <source>The amount.</source>
        <translation>El importe.</translation>
    </message>
    <message>
        <source>Usage: tripplanner-cli plan add stay|leg|activity|cost --trip ID [options]

Run `tripplanner-cli plan add KIND --help` for a kind&apos;s options.</source>
        <translation>Uso: tripplanner-cli plan add stay|leg|activity|cost --trip ID [options]

Ejecute `tripplanner-cli plan add KIND --help` para ver las opciones de cada tipo.</translation>
    </message>
    <message>
        <source>plan add needs stay, leg, activity or cost</source>
        <translation>plan add necesita stay, leg, activity o cost</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>Added %1 %2: %3</source>
        <translation>Se añadió %1 %2: %3</translation>
    </message>
    <message>
        <source>plan remove --trip ID ITEM_ID: remove a stay, leg, activity or cost.</source>
        <translation>plan remove --trip ID ITEM_ID: elimina un alojamiento, un trayecto, una actividad o un gasto.</translation>
    </message>
    <message>
        <source>The item&apos;s id (see: plan show).</source>
        <translation>El id del elemento (véase: plan show).</translation>
    </message>
    <message>
        <source>This trip&apos;s plan has no item with id &quot;%1&quot;.</source>
        <translation>El plan de este viaje no tiene ningún elemento con el id «%1».</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Se eliminó %1</translation>
    </message>
    <message>
        <source>plan budget --trip ID [--home-currency CODE] [--rate CODE=RATE@YYYY-MM-DD ...]
A rate says what 1 unit of CODE is worth in the home currency on that date; a rate
for a currency and date already listed replaces it.</source>
        <translation>plan budget --trip ID [--home-currency CODE] [--rate CODE=RATE@YYYY-MM-DD ...]
Una tasa indica cuánto vale 1 unidad de CODE en la moneda de referencia en esa fecha; una
tasa para una moneda y una fecha que ya figuran sustituye a la anterior.</translation>
    </message>
    <message>
        <source>The currency the budget is counted in (ISO 4217).</source>
        <translation>La moneda en la que se calcula el presupuesto (ISO 4217).</translation>
    </message>
    <message>
        <source>An exchange rate, CODE=RATE@DATE (repeatable).</source>
        <translation>Una tasa de cambio, CODE=RATE@DATE (se puede repetir).</translation>
    </message>
    <message>
        <source>must look like USD=0.92@2026-05-30</source>
        <translation>debe tener el formato USD=0.92@2026-05-30</translation>
    </message>
    <message>
        <source>Budget settings saved.</source>
        <translation>Configuración del presupuesto guardada.</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, del %2 al %3</translation>
    </message>
    <message>
        <source>%1. idea: %2 (%3, %4)</source>
        <translation>%1. idea: %2 (%3, %4)</translation>
    </message>
    <message>
        <source>Standard output cannot be written.</source>
        <translation>No se puede escribir en la salida estándar.</translation>
    </message>
    <message>
        <source>cannot be written to %1: %2</source>
        <translation>no se puede escribir en %1: %2</translation>
    </message>
    <message>
        <source>plan import --trip ID FILE [--apply]: read booking confirmations (flights, hotels, events)
from a calendar file (.ics), or places (.gpx, .kml, .geojson) as activity ideas.
Without --apply it only prints what it recognised.</source>
        <translation>plan import --trip ID FILE [--apply]: lee confirmaciones de reserva (vuelos, hoteles,
eventos) de un archivo de calendario (.ics), o lugares (.gpx, .kml, .geojson) como ideas
de actividades. Sin --apply solo muestra lo que ha reconocido.</translation>
    </message>
    <message>
        <source>Add what was recognised to the plan.</source>
        <translation>Añade al plan lo que se ha reconocido.</translation>
    </message>
    <message>
        <source>The .ics, .gpx, .kml or .geojson file.</source>
        <translation>El archivo .ics, .gpx, .kml o .geojson.</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <source>recognised by %1</source>
        <translation>reconocido por: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>nota: %1</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Omitido: %1</translation>
    </message>
    <message>
        <source>plan export --trip ID --ics FILE | --pdf FILE: the plan as an iCalendar file (RFC 5545,
each leg, stay and scheduled activity an event in its place&apos;s time zone) or as the
printable itinerary (A4, a page per day with the day&apos;s map), or both at once. &apos;-&apos; writes
to standard output. The PDF needs no display.</source>
        <translation>plan export --trip ID --ics FILE | --pdf FILE: el plan como archivo iCalendar (RFC 5545;
cada trayecto, alojamiento y actividad programada es un evento en la zona horaria de su
lugar) o como itinerario imprimible (A4, una página por día con el mapa del día), o ambos
a la vez. &apos;-&apos; escribe en la salida estándar. El PDF no necesita pantalla.</translation>
    </message>
    <message>
        <source>Write an iCalendar (.ics) file here (&apos;-&apos; for stdout).</source>
        <translation>Escribe aquí un archivo iCalendar (.ics) (&apos;-&apos; para stdout).</translation>
    </message>
    <message>
        <source>Write the printable itinerary (.pdf) here (&apos;-&apos; for stdout).</source>
        <translation>Escribe aquí el itinerario imprimible (.pdf) (&apos;-&apos; para stdout).</translation>
    </message>
    <message>
        <source>plan export needs --ics FILE or --pdf FILE</source>
        <translation>plan export necesita --ics FILE o --pdf FILE</translation>
    </message>
    <message>
        <source>only one of --ics and --pdf can write to standard output</source>
        <translation>solo una de las opciones --ics y --pdf puede escribir en la salida estándar</translation>
    </message>
    <message>
        <source>write the PDF option as --pdf FILE</source>
        <translation>escriba la opción del PDF como --pdf FILE</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>No se exportó: %1</translation>
    </message>
    <message>
        <source>plan stage next|back --trip ID: complete the current planning stage (the trip&apos;s status
follows: accommodation → hotels_selected, ... final review → booked when everything is
booked), or go back one stage (the status goes back too).</source>
        <translation>plan stage next|back --trip ID: completa la etapa de planificación actual (el estado del
viaje la sigue: accommodation → hotels_selected, ... revisión final → booked cuando todo
está reservado) o retrocede una etapa (el estado también retrocede).</translation>
    </message>
    <message>
        <source>plan stage needs next or back</source>
        <translation>plan stage necesita next o back</translation>
    </message>
    <message>
        <source>This trip has no planning session in progress to go back in.</source>
        <translation>Este viaje no tiene ninguna sesión de planificación en curso en la que retroceder.</translation>
    </message>
    <message>
        <source>Stage: %1; trip status: %2</source>
        <translation>Etapa: %1; estado del viaje: %2</translation>
    </message>
    <message>
        <source>plan show --trip ID [--json]: the trip&apos;s plan day by day.</source>
        <translation>plan show --trip ID [--json]: el plan del viaje día a día.</translation>
    </message>
    <message>
        <source>Plan of trip %1: %2 (stage: %3, status: %4)</source>
        <translation>Plan del viaje %1: %2 (etapa: %3, estado: %4)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Unreadable: %1 %2</source>
        <translation>Ilegible: %1 %2</translation>
    </message>
    <message>
        <source>Stays (%1)</source>
        <translation>Alojamientos (%1)</translation>
    </message>
    <message>
        <source>%1 a night</source>
        <translation>%1 por noche</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %3 to %4 (%n nights)  %5  [%6]</source>
        <translation>
            <numerusform>%1  %2  del %3 al %4 (%n noche)  %5  [%6]</numerusform>
            <numerusform>%1  %2  del %3 al %4 (%n noches)  %5  [%6]</numerusform>
        </translation>
    </message>
    <message>
        <source>Legs (%1)</source>
        <translation>Trayectos (%1)</translation>
    </message>
    <message>
        <source>duration unknown</source>
        <translation>duración desconocida</translation>
    </message>
    <message>
        <source>Activities (%1)</source>
        <translation>Actividades (%1)</translation>
    </message>
    <message>
        <source>idea</source>
        <translation>idea</translation>
    </message>
    <message>
        <source>Nights without a stay: %1</source>
        <translation>Noches sin alojamiento: %1</translation>
    </message>
    <message numerus="yes">
        <source>Overlapping stays: %1 and %2 (%n nights)</source>
        <translation>
            <numerusform>Alojamientos solapados: %1 y %2 (%n noche)</numerusform>
            <numerusform>Alojamientos solapados: %1 y %2 (%n noches)</numerusform>
        </translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>Día a día</translation>
    </message>
    <message>
        <source>Budget (%1)</source>
        <translation>Presupuesto (%1)</translation>
    </message>
    <message>
        <source>no home currency</source>
        <translation>sin moneda de referencia</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>presupuesto</translation>
    </message>
    <message>
        <source>OVER BUDGET by %1</source>
        <translation>PRESUPUESTO SUPERADO en %1</translation>
    </message>
    <message>
        <source>Final review: %1</source>
        <translation>Revisión final: %1</translation>
    </message>
    <message>
        <source>nothing missing</source>
        <translation>no falta nada</translation>
    </message>
    <message>
        <source>Suggestions for trip %1 (%2), %3, from the %4:</source>
        <translation>Sugerencias para el viaje %1 (%2), %3, según %4:</translation>
    </message>
    <message>
        <source>built-in planner</source>
        <translation>el planificador integrado</translation>
    </message>
    <message>
        <source>A suggestion to verify: check that it exists before booking.</source>
        <translation>Sugerencia por verificar: compruebe que existe antes de reservar.</translation>
    </message>
    <message>
        <source>Cannot be accepted: %1 %2</source>
        <translation>No se puede aceptar: %1 %2</translation>
    </message>
    <message>
        <source>No proposals.</source>
        <translation>No hay propuestas.</translation>
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
Propuestas del planificador para una etapa: accommodation, activities, itinerary o budget.
No se escribe nada salvo que --accept indique qué propuestas añadir al plan (all: todas las
que se pueden aceptar tal cual); se añaden todas juntas o ninguna. El planificador es
el guardado (o --provider); sin conexión, el planificador integrado propone a partir
de los datos incluidos. Un modelo responde de forma distinta cada vez: guarde sus propuestas
con --json y acéptelas desde ese archivo con --from, para que se acepte lo que usted ha leído.</translation>
    </message>
    <message>
        <source>accommodation, activities, itinerary or budget.</source>
        <translation>accommodation, activities, itinerary o budget.</translation>
    </message>
    <message>
        <source>Accept these proposals into the plan: all, or numbers such as 1,3.</source>
        <translation>Acepta estas propuestas en el plan: all, o números como 1,3.</translation>
    </message>
    <message>
        <source>Accept from proposals printed earlier with --json (- for stdin).</source>
        <translation>Acepta propuestas mostradas antes con --json (- para stdin).</translation>
    </message>
    <message>
        <source>--from needs --accept (all, or the numbers to accept)</source>
        <translation>--from necesita --accept (all, o los números que aceptar)</translation>
    </message>
    <message>
        <source>--stage is required: %1</source>
        <translation>--stage es obligatorio: %1</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>debe ser uno de los siguientes: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not the JSON that plan suggest --json prints (%2)</source>
        <translation>%1 no es el JSON que muestra plan suggest --json (%2)</translation>
    </message>
    <message>
        <source>the proposals in %1 are for trip %2, not trip %3</source>
        <translation>las propuestas de %1 son para el viaje %2, no para el viaje %3</translation>
    </message>
    <message>
        <source>the proposals in %1 are for the %2 stage</source>
        <translation>las propuestas de %1 son para la etapa %2</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: the planner gave no proposals: %1 Nothing was changed.</source>
        <translation>tripplanner-cli: error: el planificador no dio ninguna propuesta: %1 No se cambió nada.</translation>
    </message>
    <message>
        <source>Accept them with: tripplanner-cli plan suggest --trip %1 --stage %2 --accept all (or 1,3...)</source>
        <translation>Acéptelas con: tripplanner-cli plan suggest --trip %1 --stage %2 --accept all (o 1,3...)</translation>
    </message>
    <message>
        <source>Title, 1 to 200 characters.</source>
        <translation>Título, de 1 a 200 caracteres.</translation>
    </message>
    <message>
        <source>Start date, YYYY-MM-DD (empty to clear).</source>
        <translation>Fecha de inicio, YYYY-MM-DD (vacía para quitarla).</translation>
    </message>
    <message>
        <source>End date, YYYY-MM-DD (empty to clear).</source>
        <translation>Fecha de fin, YYYY-MM-DD (vacía para quitarla).</translation>
    </message>
    <message>
        <source>Budget, 0 to 99999999.99 (empty to clear).</source>
        <translation>Presupuesto, de 0 a 99999999.99 (vacío para quitarlo).</translation>
    </message>
    <message>
        <source>Number of travellers, at least 1.</source>
        <translation>Número de viajeros, al menos 1.</translation>
    </message>
    <message>
        <source>Status: %1.</source>
        <translation>Estado: %1.</translation>
    </message>
    <message>
        <source>Destination id (empty to clear).</source>
        <translation>Id del destino (vacío para quitarlo).</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <source>must be a destination id (see: destinations list)</source>
        <translation>debe ser un id de destino (véase: destinations list)</translation>
    </message>
    <message>
        <source>Trip %1: %2</source>
        <translation>Viaje %1: %2</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destino:</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(sin elegir)</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Fechas:</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 (%n days)</source>
        <translation>
            <numerusform>del %1 al %2 (%n día)</numerusform>
            <numerusform>del %1 al %2 (%n días)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>Presupuesto:</translation>
    </message>
    <message>
        <source>Travellers:</source>
        <translation>Viajeros:</translation>
    </message>
    <message>
        <source>Upcoming:</source>
        <translation>Próximo:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <source>trips list: a user&apos;s trips, newest first.</source>
        <translation>trips list: los viajes de un usuario, los más recientes primero.</translation>
    </message>
    <message>
        <source>Only trips with this status.</source>
        <translation>Solo los viajes con este estado.</translation>
    </message>
    <message>
        <source>Only trips ending on or after this date (YYYY-MM-DD).</source>
        <translation>Solo los viajes que terminan en esta fecha o después (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Only trips starting on or before this date (YYYY-MM-DD).</source>
        <translation>Solo los viajes que empiezan en esta fecha o antes (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Only trips whose title or description contains this text.</source>
        <translation>Solo los viajes cuyo título o descripción contiene este texto.</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>debe ser uno de los siguientes: %1</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TÍTULO</translation>
    </message>
    <message>
        <source>DESTINATION</source>
        <translation>DESTINO</translation>
    </message>
    <message>
        <source>START</source>
        <translation>INICIO</translation>
    </message>
    <message>
        <source>END</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>BUDGET</source>
        <translation>PRESUPUESTO</translation>
    </message>
    <message>
        <source>TRAVELLERS</source>
        <translation>VIAJEROS</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>trips add --title TITLE [fields]: plan a new trip.</source>
        <translation>trips add --title TITLE [fields]: planifica un viaje nuevo.</translation>
    </message>
    <message>
        <source>Print the new trip as JSON.</source>
        <translation>Muestra el viaje nuevo en JSON.</translation>
    </message>
    <message>
        <source>trips add needs --title</source>
        <translation>trips add necesita --title</translation>
    </message>
    <message>
        <source>Created trip %1: %2</source>
        <translation>Se creó el viaje %1: %2</translation>
    </message>
    <message>
        <source>Trip id.</source>
        <translation>Id del viaje.</translation>
    </message>
    <message>
        <source>trips %1 ID</source>
        <translation>trips %1 ID</translation>
    </message>
    <message>
        <source>Deleted trip %1 with its conversation and planning sessions.</source>
        <translation>Se eliminó el viaje %1 con su conversación y sus sesiones de planificación.</translation>
    </message>
    <message>
        <source>trips needs list, add, show, update or delete</source>
        <translation>trips necesita list, add, show, update o delete</translation>
    </message>
    <message>
        <source>unknown trips command &quot;%1&quot;</source>
        <translation>comando de trips desconocido «%1»</translation>
    </message>
    <message>
        <source>users add NAME [--email EMAIL]: create a user (and its preferences).</source>
        <translation>users add NAME [--email EMAIL]: crea un usuario (y sus preferencias).</translation>
    </message>
    <message>
        <source>E-mail address.</source>
        <translation>Correo electrónico.</translation>
    </message>
    <message>
        <source>User name (letters, digits, @ . + - _).</source>
        <translation>Nombre de usuario (letras, cifras, @ . + - _).</translation>
    </message>
    <message>
        <source>Created user %1 (id %2).</source>
        <translation>Se creó el usuario %1 (id %2).</translation>
    </message>
    <message>
        <source>users list [--json]</source>
        <translation>users list [--json]</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>USUARIO</translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation>CORREO</translation>
    </message>
    <message>
        <source>JOINED</source>
        <translation>ALTA</translation>
    </message>
    <message>
        <source>users delete NAME --yes: delete a user and ALL their data.</source>
        <translation>users delete NAME --yes: elimina un usuario y TODOS sus datos.</translation>
    </message>
    <message>
        <source>Confirm: this removes the user&apos;s trips, conversations and preferences.</source>
        <translation>Confirma la eliminación: se borran los viajes, las conversaciones y las preferencias del usuario.</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>Nombre de usuario.</translation>
    </message>
    <message>
        <source>There is no user named &quot;%1&quot;.</source>
        <translation>No hay ningún usuario llamado «%1».</translation>
    </message>
    <message>
        <source>deleting %1 removes all their data; add --yes to confirm</source>
        <translation>eliminar a %1 borra todos sus datos; añada --yes para confirmarlo</translation>
    </message>
    <message>
        <source>Deleted user %1 and all their data.</source>
        <translation>Se eliminó el usuario %1 y todos sus datos.</translation>
    </message>
    <message>
        <source>users needs add, list or delete</source>
        <translation>users necesita add, list o delete</translation>
    </message>
    <message>
        <source>unknown users command &quot;%1&quot; (add, list, delete)</source>
        <translation>comando de users desconocido «%1» (add, list, delete)</translation>
    </message>
    <message>
        <source>Create or update the schema (--dry-run: show the SQL, change nothing)</source>
        <translation>Crea o actualiza el esquema (--dry-run: muestra el SQL sin cambiar nada)</translation>
    </message>
    <message>
        <source>Check the connection, server, TLS, pooling, schema and latency</source>
        <translation>Comprueba la conexión, el servidor, TLS, la agrupación de conexiones, el esquema y la latencia</translation>
    </message>
    <message>
        <source>add | list | delete users</source>
        <translation>add | list | delete: usuarios</translation>
    </message>
    <message>
        <source>  add NAME [--email EMAIL]           create a user (and its preferences)
  list [--json]                      every user
  delete NAME --yes                  delete a user and ALL their data</source>
        <translation>  add NAME [--email EMAIL]           crea un usuario (y sus preferencias)
  list [--json]                      todos los usuarios
  delete NAME --yes                  elimina un usuario y TODOS sus datos</translation>
    </message>
    <message>
        <source>list | add | show | update | delete a user&apos;s trips</source>
        <translation>list | add | show | update | delete: los viajes de un usuario</translation>
    </message>
    <message>
        <source>  list [--status S] [--from D] [--to D] [--search T] [--json]  a user&apos;s trips, newest first
  add --title TITLE [fields]         plan a new trip
  show ID [--json]                   one trip
  update ID [fields]                 change a trip&apos;s fields
  delete ID                          delete a trip
  (every verb takes --user NAME; default: the local user named after your OS account)</source>
        <translation>  list [--status S] [--from D] [--to D] [--search T] [--json]  los viajes de un usuario, los más recientes primero
  add --title TITLE [fields]         planifica un viaje nuevo
  show ID [--json]                   un viaje
  update ID [fields]                 cambia los campos de un viaje
  delete ID                          elimina un viaje
  (todos los verbos aceptan --user NAME; predeterminado: el usuario local con el nombre de su cuenta del sistema operativo)</translation>
    </message>
    <message>
        <source>list | add | search the destination catalogue</source>
        <translation>list | add | search: el catálogo de destinos</translation>
    </message>
    <message>
        <source>  list [--json]                      the catalogue, by name
  search TEXT [--json]               destinations whose words begin with TEXT&apos;s words
  add --name NAME --country COUNTRY [fields]  add a destination
  locate [--json]                    coordinates from the offline gazetteer where missing</source>
        <translation>  list [--json]                      el catálogo, por nombre
  search TEXT [--json]               los destinos cuyas palabras empiezan por las palabras de TEXT
  add --name NAME --country COUNTRY [fields]  añade un destino
  locate [--json]                    coordenadas del nomenclátor sin conexión donde falten</translation>
    </message>
    <message>
        <source>Write all of one user&apos;s data as one JSON document</source>
        <translation>Escribe todos los datos de un usuario en un único documento JSON</translation>
    </message>
    <message>
        <source>Talk to the AI trip planner about one trip (stdin to stdout)</source>
        <translation>Conversa con el planificador de IA sobre un viaje (de stdin a stdout)</translation>
    </message>
    <message>
        <source>show | set KEY VALUE | unset KEY: the non-secret settings</source>
        <translation>show | set KEY VALUE | unset KEY: la configuración no secreta</translation>
    </message>
    <message>
        <source>  show [--profile NAME]              every setting and its value
  set KEY VALUE [--profile NAME]     change a setting
  unset KEY [--profile NAME]         back to the default</source>
        <translation>  show [--profile NAME]              todos los ajustes y sus valores
  set KEY VALUE [--profile NAME]     cambia un ajuste
  unset KEY [--profile NAME]         lo devuelve al valor predeterminado</translation>
    </message>
    <message>
        <source>set NAME (value from stdin) | clear NAME: passwords and API keys in the keychain</source>
        <translation>set NAME (valor desde stdin) | clear NAME: contraseñas y claves de API en el llavero</translation>
    </message>
    <message>
        <source>  set NAME [--provider P] [--profile NAME]    store a secret read from stdin
  clear NAME [--provider P] [--profile NAME]  remove it
  names: database-password, llm-api-key</source>
        <translation>  set NAME [--provider P] [--profile NAME]    guarda un secreto leído de stdin
  clear NAME [--provider P] [--profile NAME]  lo elimina
  nombres: database-password, llm-api-key</translation>
    </message>
    <message>
        <source>show | add | remove | budget | import | export | stage | suggest: a trip&apos;s stays, legs, activities</source>
        <translation>show | add | remove | budget | import | export | stage | suggest: alojamientos, trayectos y actividades de un viaje</translation>
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
        <translation>  show [--json]                      el plan, día a día, con sus problemas y su presupuesto
  add stay|leg|activity|cost [opts]  añade un elemento (véase plan add KIND --help)
  remove ITEM_ID                     elimina un elemento
  budget [--home-currency C] [--rate C=RATE@DATE]  configuración del presupuesto
  import FILE [--apply]              reservas desde .ics, lugares desde .gpx .kml .geojson
  export --ics FILE                  escribe el plan como archivo iCalendar
  stage next|back                    completa la etapa de planificación actual o retrocede
  suggest --stage S [--accept all|N,N]  propuestas del planificador para accommodation,
                                     activities, itinerary o budget; acepta las elegidas
  (todos los verbos aceptan --trip ID)</translation>
    </message>
    <message>
        <source>bash | zsh | fish: print the shell&apos;s completion script</source>
        <translation>bash | zsh | fish: muestra el script de autocompletado del shell</translation>
    </message>
    <message>
        <source>  bash                               the script for bash
  zsh                                the script for zsh
  fish                               the script for fish</source>
        <translation>  bash                               el script para bash
  zsh                                el script para zsh
  fish                               el script para fish</translation>
    </message>
    <message>
        <source>Usage: tripplanner-cli [--database-url URL] COMMAND [ARGS...]

The database is --database-url, else $DATABASE_URL, else the configured one, else the
embedded SQLite file in the app-data folder. A URL given as an argument must not carry
a password (command lines are visible to other users): use $DATABASE_URL or
`tripplanner-cli secret set database-password` (value read from stdin).</source>
        <translation>Uso: tripplanner-cli [--database-url URL] COMMAND [ARGS...]

La base de datos es --database-url; si no, $DATABASE_URL; si no, la configurada; y si no,
el archivo SQLite integrado en la carpeta de datos de la aplicación. Una URL dada como
argumento no debe llevar contraseña (otros usuarios pueden ver las líneas de comandos): use
$DATABASE_URL o `tripplanner-cli secret set database-password` (el valor se lee de stdin).</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Comandos:</translation>
    </message>
    <message>
        <source>Run `tripplanner-cli COMMAND --help` for a command&apos;s options.</source>
        <translation>Ejecute `tripplanner-cli COMMAND --help` para ver las opciones de un comando.</translation>
    </message>
    <message>
        <source>Usage: tripplanner-cli %1 VERB [OPTIONS] [ARGS...]</source>
        <translation>Uso: tripplanner-cli %1 VERB [OPTIONS] [ARGS...]</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>Verbos:</translation>
    </message>
    <message>
        <source>Run `tripplanner-cli %1 VERB --help` for a verb&apos;s options.</source>
        <translation>Ejecute `tripplanner-cli %1 VERB --help` para ver las opciones de un verbo.</translation>
    </message>
    <message>
        <source>--database-url needs a value</source>
        <translation>--database-url necesita un valor</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>opción desconocida %1</translation>
    </message>
    <message>
        <source>--database-url must not contain a password: other users can read command lines. Put the URL in $DATABASE_URL, or store the password with `tripplanner-cli secret set database-password`.</source>
        <translation>--database-url no debe contener una contraseña: otros usuarios pueden leer las líneas de comandos. Ponga la URL en $DATABASE_URL o guarde la contraseña con `tripplanner-cli secret set database-password`.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>comando desconocido «%1»</translation>
    </message>
    <message>
        <source>argument %1 is not valid UTF-8 text</source>
        <translation>el argumento %1 no es texto UTF-8 válido</translation>
    </message>
    <message>
        <source>tripplanner-cli: %1 (see --help)</source>
        <translation>tripplanner-cli: %1 (véase --help)</translation>
    </message>
    <message>
        <source>tripplanner-cli: error: %1</source>
        <translation>tripplanner-cli: error: %1</translation>
    </message>
    <message>
        <source>offline (no network), gemini or openai (any OpenAI-compatible server); default: the saved settings.</source>
        <translation>offline (sin red), gemini u openai (cualquier servidor compatible con OpenAI); predeterminado: la configuración guardada.</translation>
    </message>
    <message>
        <source>The model name (default: the provider&apos;s).</source>
        <translation>Nombre del modelo (predeterminado: el del proveedor).</translation>
    </message>
    <message>
        <source>The provider&apos;s base URL, e.g. http://localhost:11434/v1 for Ollama.</source>
        <translation>URL base del proveedor, p. ej. http://localhost:11434/v1 para Ollama.</translation>
    </message>
    <message>
        <source>Ask for whole answers instead of a stream.</source>
        <translation>Pide respuestas completas en lugar de un flujo (streaming).</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot; (offline, gemini or openai)</source>
        <translation>proveedor desconocido «%1» (offline, gemini u openai)</translation>
    </message>
    <message>
        <source>--base-url must be an http(s) URL</source>
        <translation>--base-url debe ser una URL http(s)</translation>
    </message>
    <message>
        <source>--base-url must not contain credentials; use $TRIPPLANNER_LLM_API_KEY</source>
        <translation>--base-url no debe contener credenciales; use $TRIPPLANNER_LLM_API_KEY</translation>
    </message>
    <message>
        <source>(the system&apos;s: %1)</source>
        <translation>(el del sistema: %1)</translation>
    </message>
</context>
<context>
    <name>tp::conversation::ConversationService</name>
    <message>
        <source>Wait for the current reply, or cancel it.</source>
        <translation>Espere a la respuesta actual o cancélela.</translation>
    </message>
</context>
<context>
    <name>tp::conversation::LlmWorker</name>
    <message>
        <source>Wait for the current reply, or cancel it.</source>
        <translation>Espere a la respuesta actual o cancélela.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>The planner failed unexpectedly: %1</source>
        <translation>El planificador falló de forma inesperada: %1</translation>
    </message>
    <message>
        <source>The planner failed unexpectedly.</source>
        <translation>El planificador falló de forma inesperada.</translation>
    </message>
</context>
<context>
    <name>tp::geo::CoordinateCheck</name>
    <message>
        <source>The point lies in %1.</source>
        <translation>El punto está en %1.</translation>
    </message>
    <message>
        <source>The country is unknown; the point is on land.</source>
        <translation>Se desconoce el país; el punto está en tierra firme.</translation>
    </message>
    <message>
        <source>The latitude or longitude is out of range.</source>
        <translation>La latitud o la longitud está fuera de rango.</translation>
    </message>
    <message>
        <source>The point lies in the sea.</source>
        <translation>El punto está en el mar.</translation>
    </message>
    <message>
        <source>The point lies in the sea, %1 km from %2.</source>
        <translation>El punto está en el mar, a %1 km de %2.</translation>
    </message>
    <message>
        <source>The point lies in %1, %2 km from %3.</source>
        <translation>El punto está en %1, a %2 km de %3.</translation>
    </message>
    <message>
        <source>The point lies %1 km outside %2.</source>
        <translation>El punto queda %1 km fuera de %2.</translation>
    </message>
</context>
<context>
    <name>tp::geo::GeocodingService</name>
    <message>
        <source>The online search service asks this app to slow down (HTTP 429). Try again in a minute; the offline gazetteer (Find coordinates) still works.</source>
        <translation>El servicio de búsqueda en línea pide a esta aplicación que reduzca el ritmo (HTTP 429). Vuelva a intentarlo dentro de un minuto; el nomenclátor sin conexión (Buscar coordenadas) sigue funcionando.</translation>
    </message>
    <message>
        <source>The online search service refused the request (HTTP 403); its usage policy may have blocked this address. The offline gazetteer (Find coordinates) still works.</source>
        <translation>El servicio de búsqueda en línea rechazó la solicitud (HTTP 403); puede que su política de uso haya bloqueado esta dirección. El nomenclátor sin conexión (Buscar coordenadas) sigue funcionando.</translation>
    </message>
    <message>
        <source>The online search service answered with an error (HTTP %1). Try again later; the offline gazetteer (Find coordinates) still works.</source>
        <translation>El servicio de búsqueda en línea respondió con un error (HTTP %1). Vuelva a intentarlo más tarde; el nomenclátor sin conexión (Buscar coordenadas) sigue funcionando.</translation>
    </message>
    <message>
        <source>The online search service did not answer in time. Check the network, or use the offline gazetteer (Find coordinates).</source>
        <translation>El servicio de búsqueda en línea no respondió a tiempo. Compruebe la red o use el nomenclátor sin conexión (Buscar coordenadas).</translation>
    </message>
    <message>
        <source>The online search service could not be reached (%1). Check the network, or use the offline gazetteer (Find coordinates).</source>
        <translation>No se pudo acceder al servicio de búsqueda en línea (%1). Compruebe la red o use el nomenclátor sin conexión (Buscar coordenadas).</translation>
    </message>
    <message>
        <source>Type a place name to search for.</source>
        <translation>Escriba el nombre de un lugar para buscarlo.</translation>
    </message>
    <message>
        <source>The online search service sent an answer that is not a list of places.</source>
        <translation>El servicio de búsqueda en línea envió una respuesta que no es una lista de lugares.</translation>
    </message>
</context>
<context>
    <name>tp::llm::LlmClient</name>
    <message>
        <source>[hidden]</source>
        <translation>[oculto]</translation>
    </message>
    <message>
        <source>No API key is set for %1. Add one in Settings, or use the offline planner.</source>
        <translation>No hay ninguna clave de API definida para %1. Añada una en Configuración o use el planificador sin conexión.</translation>
    </message>
    <message>
        <source>The answer stopped arriving (no data for %1 s).</source>
        <translation>La respuesta dejó de llegar (sin datos durante %1 s).</translation>
    </message>
    <message>
        <source>The provider did not answer within %1 s.</source>
        <translation>El proveedor no respondió en %1 s.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address. The API key is only sent to the server you configured: if the new address is right, set it as the base URL in Settings.</source>
        <translation>El servidor de %1 redirigió la solicitud a otra dirección. La clave de API solo se envía al servidor que usted configuró: si la nueva dirección es correcta, defínala como URL base en Configuración.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address (to %2). The API key is only sent to the server you configured: if the new address is right, set it as the base URL in Settings.</source>
        <translation>El servidor de %1 redirigió la solicitud a otra dirección (a %2). La clave de API solo se envía al servidor que usted configuró: si la nueva dirección es correcta, defínala como URL base en Configuración.</translation>
    </message>
    <message>
        <source>structured output not supported</source>
        <translation>salida estructurada no admitida</translation>
    </message>
    <message>
        <source>structured output not supported (%1)</source>
        <translation>salida estructurada no admitida (%1)</translation>
    </message>
    <message>
        <source>The answer was cut off: the connection closed before it was complete.</source>
        <translation>La respuesta se cortó: la conexión se cerró antes de que estuviera completa.</translation>
    </message>
    <message>
        <source>The answer was cut off before it was complete.</source>
        <translation>La respuesta se cortó antes de estar completa.</translation>
    </message>
    <message>
        <source>The answer was cut off at the model&apos;s token limit, even when asked with a limit of %1 tokens. Ask for less at a time, or choose a model that can write longer answers.</source>
        <translation>La respuesta se cortó al llegar al límite de tokens del modelo, incluso pidiéndola con un límite de %1 tokens. Pida menos cada vez o elija un modelo que pueda escribir respuestas más largas.</translation>
    </message>
    <message>
        <source>The answer was cut off at the model&apos;s token limit.</source>
        <translation>La respuesta se cortó al llegar al límite de tokens del modelo.</translation>
    </message>
    <message>
        <source>the answer was cut off at the token limit; asking again with a larger limit</source>
        <translation>la respuesta se cortó al llegar al límite de tokens; se vuelve a pedir con un límite mayor</translation>
    </message>
    <message>
        <source>%1 (gave up after %2 attempts)</source>
        <translation>%1 (se abandonó tras %2 intentos)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>The API key was rejected (HTTP %1%2). Check the key in Settings.</source>
        <translation>Se rechazó la clave de API (HTTP %1%2). Compruebe la clave en Configuración.</translation>
    </message>
    <message>
        <source>The provider&apos;s rate limit or quota is used up (HTTP 429%1). Try again later.</source>
        <translation>Se agotó el límite de solicitudes o la cuota del proveedor (HTTP 429%1). Vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>The provider timed out (HTTP 408).</source>
        <translation>Se agotó el tiempo de espera del proveedor (HTTP 408).</translation>
    </message>
    <message>
        <source>The model or address was not found (HTTP 404%1). Check the model name and base URL.</source>
        <translation>No se encontró el modelo o la dirección (HTTP 404%1). Compruebe el nombre del modelo y la URL base.</translation>
    </message>
    <message>
        <source>The provider had a server error (HTTP %1%2). Try again in a moment.</source>
        <translation>El proveedor tuvo un error de servidor (HTTP %1%2). Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The provider refused the request (HTTP %1%2).</source>
        <translation>El proveedor rechazó la solicitud (HTTP %1%2).</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Check your connection or the base URL.</source>
        <translation>No se puede acceder a %1 (%2). Compruebe su conexión o la URL base.</translation>
    </message>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation>Se agotó el tiempo de espera de la conexión con %1.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made (%2).</source>
        <translation>No se pudo establecer una conexión segura con %1 (%2).</translation>
    </message>
    <message>
        <source>The connection to %1 failed (%2).</source>
        <translation>Falló la conexión con %1 (%2).</translation>
    </message>
    <message>
        <source>The provider reported an error: (no message)</source>
        <translation>El proveedor informó de un error: (sin mensaje)</translation>
    </message>
    <message>
        <source>The provider reported an error: %1</source>
        <translation>El proveedor informó de un error: %1</translation>
    </message>
    <message>
        <source>The provider declined to answer (%1).</source>
        <translation>El proveedor se negó a responder (%1).</translation>
    </message>
    <message>
        <source>The provider stopped the answer (%1).</source>
        <translation>El proveedor detuvo la respuesta (%1).</translation>
    </message>
    <message>
        <source>The provider&apos;s response was not JSON.</source>
        <translation>La respuesta del proveedor no era JSON.</translation>
    </message>
    <message>
        <source>The provider&apos;s response had no text.</source>
        <translation>La respuesta del proveedor no contenía texto.</translation>
    </message>
    <message>
        <source>The provider sent a stream event that is not JSON.</source>
        <translation>El proveedor envió un evento de flujo que no es JSON.</translation>
    </message>
    <message>
        <source>The model declined to answer: %1</source>
        <translation>El modelo se negó a responder: %1</translation>
    </message>
</context>
<context>
    <name>tp::repo</name>
    <message>
        <source>You have no conversation with id %1.</source>
        <translation>No tiene ninguna conversación con el id %1.</translation>
    </message>
    <message>
        <source>You have no trip with id %1.</source>
        <translation>No tiene ningún viaje con el id %1.</translation>
    </message>
    <message>
        <source>This conversation was changed elsewhere (another window or app) since it was loaded. Reload it and try again.</source>
        <translation>Esta conversación se cambió en otro lugar (otra ventana o aplicación) después de cargarla. Vuelva a cargarla e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>A destination named &quot;%1&quot; in %2 already exists.</source>
        <translation>Ya existe un destino llamado «%1» en %2.</translation>
    </message>
    <message>
        <source>There is no destination with id %1.</source>
        <translation>No hay ningún destino con el id %1.</translation>
    </message>
    <message>
        <source>You have no planning session with id %1.</source>
        <translation>No tiene ninguna sesión de planificación con el id %1.</translation>
    </message>
    <message>
        <source>This trip already has a planning session in progress; finish it before starting another.</source>
        <translation>Este viaje ya tiene una sesión de planificación en curso; termínela antes de iniciar otra.</translation>
    </message>
    <message>
        <source>This planning session is already completed.</source>
        <translation>Esta sesión de planificación ya está completada.</translation>
    </message>
    <message>
        <source>A completed planning session cannot go back; start a new one.</source>
        <translation>Una sesión de planificación completada no puede retroceder; inicie una nueva.</translation>
    </message>
    <message>
        <source>This trip&apos;s plan was changed elsewhere (another window, the command line or the web app) since it was loaded. Reload it and make your change again.</source>
        <translation>El plan de este viaje se cambió en otro lugar (otra ventana, la línea de comandos o la aplicación web) después de cargarlo. Vuelva a cargarlo y repita su cambio.</translation>
    </message>
    <message>
        <source>There is no user with id %1.</source>
        <translation>No hay ningún usuario con el id %1.</translation>
    </message>
    <message>
        <source>“%1” was changed elsewhere (another window, the planner or the web app) after you opened it. Your change was not saved, so that the other one is kept; the trip now shows it. Make your change again if it is still needed.</source>
        <translation>“%1” se cambió en otro lugar (otra ventana, el planificador o la aplicación web) después de que usted lo abriera. Su cambio no se guardó, para conservar el otro; el viaje lo muestra ahora. Repita su cambio si aún es necesario.</translation>
    </message>
    <message>
        <source>A user named &quot;%1&quot; already exists.</source>
        <translation>Ya existe un usuario llamado «%1».</translation>
    </message>
</context>
<context>
    <name>tp::ui</name>
    <message>
        <source>The plan has no days to print: give the trip dates or schedule something.</source>
        <translation>El plan no tiene días que imprimir: indique las fechas del viaje o programe algo.</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>Itinerario</translation>
    </message>
    <message>
        <source>The PDF could not be started.</source>
        <translation>No se pudo iniciar el PDF.</translation>
    </message>
    <message>
        <source>Day %1 of %2</source>
        <translation>Día %1 de %2</translation>
    </message>
    <message>
        <source>Map: Natural Earth (public domain)</source>
        <translation>Mapa: Natural Earth (dominio público)</translation>
    </message>
    <message>
        <source>Nothing planned.</source>
        <translation>Nada planificado.</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (continuación)</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problema: %1</translation>
    </message>
    <message>
        <source>Night: %1</source>
        <translation>Noche: %1</translation>
    </message>
    <message>
        <source>booking %1</source>
        <translation>reserva %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Alojamiento</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Idea, not scheduled yet</source>
        <translation>Idea, aún sin programar</translation>
    </message>
    <message>
        <source>Start or end of a leg</source>
        <translation>Inicio o fin de un trayecto</translation>
    </message>
</context>
<context>
    <name>tp::ui::AboutDialog</name>
    <message>
        <source>About Trip Planner</source>
        <translation>Acerca de Trip Planner</translation>
    </message>
    <message>
        <source>Trip Planner</source>
        <translation>Trip Planner</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Documentación</translation>
    </message>
    <message>
        <source>Version %1, built with Qt %2, running on Qt %3.</source>
        <translation>Versión %1, compilada con Qt %2, ejecutándose con Qt %3.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or any later version (GPL-3.0-or-later). There is no warranty.</source>
        <translation>Software libre bajo la Licencia Pública General de GNU, versión 3 o cualquier versión posterior (GPL-3.0-or-later). Sin ninguna garantía.</translation>
    </message>
    <message>
        <source>This product includes data from &lt;a href=&quot;https://www.geonames.org/&quot;&gt;GeoNames&lt;/a&gt;, licensed under &lt;a href=&quot;https://creativecommons.org/licenses/by/4.0/&quot;&gt;CC BY 4.0&lt;/a&gt;: the offline gazetteer (towns of 15,000 people or more, filtered and reformatted) and the coordinates of the planner&apos;s catalogue.</source>
        <translation>Este producto incluye datos de &lt;a href=&quot;https://www.geonames.org/&quot;&gt;GeoNames&lt;/a&gt;, con licencia &lt;a href=&quot;https://creativecommons.org/licenses/by/4.0/&quot;&gt;CC BY 4.0&lt;/a&gt;: el nomenclátor sin conexión (localidades de 15&#xa0;000 habitantes o más, filtradas y reformateadas) y las coordenadas del catálogo del planificador.</translation>
    </message>
    <message>
        <source>Made with &lt;a href=&quot;https://www.naturalearthdata.com/&quot;&gt;Natural Earth&lt;/a&gt;. Free vector and raster map data @ naturalearthdata.com (public domain): the map&apos;s country outlines.</source>
        <translation>Hecho con &lt;a href=&quot;https://www.naturalearthdata.com/&quot;&gt;Natural Earth&lt;/a&gt;. Datos cartográficos vectoriales y ráster gratuitos @ naturalearthdata.com (dominio público): los contornos de los países del mapa.</translation>
    </message>
    <message>
        <source>Airports: &lt;a href=&quot;https://ourairports.com/data/&quot;&gt;OurAirports&lt;/a&gt; (public domain). Time zones: &lt;a href=&quot;https://github.com/opentraveldata/opentraveldata&quot;&gt;Open Travel Data (OPTD)&lt;/a&gt;, CC BY 4.0, completed from the IANA time zone database (public domain).</source>
        <translation>Aeropuertos: &lt;a href=&quot;https://ourairports.com/data/&quot;&gt;OurAirports&lt;/a&gt; (dominio público). Zonas horarias: &lt;a href=&quot;https://github.com/opentraveldata/opentraveldata&quot;&gt;Open Travel Data (OPTD)&lt;/a&gt;, CC BY 4.0, completadas con la base de datos de zonas horarias de la IANA (dominio público).</translation>
    </message>
    <message>
        <source>Online map tiles, when enabled: © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;OpenStreetMap contributors&lt;/a&gt; (ODbL); the map shows this attribution while tiles are displayed.</source>
        <translation>Teselas de mapa en línea, si están activadas: © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;colaboradores de OpenStreetMap&lt;/a&gt; (ODbL); el mapa muestra esta atribución mientras se ven las teselas.</translation>
    </message>
    <message>
        <source>Online place search, when enabled: &lt;a href=&quot;https://nominatim.openstreetmap.org/&quot;&gt;Nominatim&lt;/a&gt;, data © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;OpenStreetMap contributors&lt;/a&gt; (ODbL).</source>
        <translation>Búsqueda de lugares en línea, si está activada: &lt;a href=&quot;https://nominatim.openstreetmap.org/&quot;&gt;Nominatim&lt;/a&gt;, datos © &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;colaboradores de OpenStreetMap&lt;/a&gt; (ODbL).</translation>
    </message>
    <message>
        <source>Built on &lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; (LGPL-3.0), &lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; (BSD-2-Clause), &lt;a href=&quot;https://www.postgresql.org/&quot;&gt;libpq&lt;/a&gt; (PostgreSQL licence), &lt;a href=&quot;https://www.openssl.org/&quot;&gt;OpenSSL&lt;/a&gt; (Apache-2.0) and &lt;a href=&quot;https://www.sqlite.org/&quot;&gt;SQLite&lt;/a&gt; (public domain).</source>
        <translation>Creado con &lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; (LGPL-3.0), &lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; (BSD-2-Clause), &lt;a href=&quot;https://www.postgresql.org/&quot;&gt;libpq&lt;/a&gt; (licencia de PostgreSQL), &lt;a href=&quot;https://www.openssl.org/&quot;&gt;OpenSSL&lt;/a&gt; (Apache-2.0) y &lt;a href=&quot;https://www.sqlite.org/&quot;&gt;SQLite&lt;/a&gt; (dominio público).</translation>
    </message>
    <message>
        <source>Data and services</source>
        <translation>Datos y servicios</translation>
    </message>
    <message>
        <source>He&amp;lp</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Documentación</translation>
    </message>
    <message>
        <source>&amp;About Trip Planner</source>
        <translation>&amp;Acerca de Trip Planner</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>tp::ui::ActivitiesEditor</name>
    <message>
        <source>Ideas</source>
        <translation>Ideas</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Schedule on da&amp;y</source>
        <translation>&amp;Programar en el día</translation>
    </message>
    <message>
        <source>Schedules the selected idea on the selected day (or drag the idea onto a day)</source>
        <translation>Programa la idea seleccionada en el día seleccionado (o arrastre la idea a un día)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Scheduled activities</source>
        <translation>Actividades programadas</translation>
    </message>
    <message>
        <source>museum, food, hike…</source>
        <translation>museo, comida, senderismo…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: an idea)</source>
        <translation>YYYY-MM-DD (vacío: una idea)</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>&amp;Categoría</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>Fec&amp;ha</translation>
    </message>
    <message>
        <source>E&amp;nd</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <source>Cu&amp;rrency</source>
        <translation>&amp;Moneda</translation>
    </message>
    <message>
        <source>C&amp;ost</source>
        <translation>C&amp;oste</translation>
    </message>
    <message>
        <source>&amp;Booking ref</source>
        <translation>&amp;Ref. de reserva</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>E&amp;stado</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Booking ref</source>
        <translation>Ref. de reserva</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Ne&amp;w activity</source>
        <translation>N&amp;ueva actividad</translation>
    </message>
    <message>
        <source>Save act&amp;ivity</source>
        <translation>&amp;Guardar actividad</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the chosen activity (Delete key in the list)</source>
        <translation>Elimina la actividad elegida (tecla Supr/Delete en la lista)</translation>
    </message>
    <message>
        <source>Unsc&amp;hedule</source>
        <translation>&amp;Desprogramar</translation>
    </message>
    <message>
        <source>Moves the activity back to the ideas</source>
        <translation>Devuelve la actividad a las ideas</translation>
    </message>
    <message>
        <source>Ideas (drag one onto a day)</source>
        <translation>Ideas (arrastre una a un día)</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programadas</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Edit activity %1</source>
        <translation>Editar actividad %1</translation>
    </message>
    <message>
        <source>Add activity %1</source>
        <translation>Añadir actividad %1</translation>
    </message>
    <message>
        <source>Remove activity %1</source>
        <translation>Eliminar actividad %1</translation>
    </message>
    <message>
        <source>Unschedule %1</source>
        <translation>Desprogramar %1</translation>
    </message>
    <message>
        <source>Schedule %1 on %2</source>
        <translation>Programar %1 el %2</translation>
    </message>
    <message>
        <source>The new activity</source>
        <translation>La nueva actividad</translation>
    </message>
    <message>
        <source>The activity “%1”</source>
        <translation>La actividad “%1”</translation>
    </message>
</context>
<context>
    <name>tp::ui::BudgetEditor</name>
    <message>
        <source>Home currency</source>
        <translation>Moneda de referencia</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totales</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Concepto</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>In home currency</source>
        <translation>En moneda de referencia</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Gastos</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tasa</translation>
    </message>
    <message>
        <source>Read on</source>
        <translation>Consultada</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>Tasas de cambio</translation>
    </message>
    <message>
        <source>Rate date</source>
        <translation>Fecha de la tasa</translation>
    </message>
    <message>
        <source>&amp;Add rate</source>
        <translation>Aña&amp;dir tasa</translation>
    </message>
    <message>
        <source>Re&amp;move rate</source>
        <translation>&amp;Quitar tasa</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>Otros gastos</translation>
    </message>
    <message>
        <source>Insurance, visa…</source>
        <translation>Seguro, visado…</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Concepto</translation>
    </message>
    <message>
        <source>Add &amp;cost</source>
        <translation>Añadir &amp;gasto</translation>
    </message>
    <message>
        <source>Remove cos&amp;t</source>
        <translation>Q&amp;uitar gasto</translation>
    </message>
    <message>
        <source>&amp;Home currency</source>
        <translation>Moneda de &amp;referencia</translation>
    </message>
    <message>
        <source>Exchange rates (1 unit = rate × home currency)</source>
        <translation>Tasas de cambio (1 unidad = tasa × moneda de referencia)</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>&amp;Moneda</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>&amp;Tasa</translation>
    </message>
    <message>
        <source>Rate &amp;date</source>
        <translation>&amp;Fecha de la tasa</translation>
    </message>
    <message>
        <source>La&amp;bel</source>
        <translation>&amp;Concepto</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>M&amp;oneda</translation>
    </message>
    <message>
        <source>Am&amp;ount</source>
        <translation>&amp;Importe</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Trip budget</source>
        <translation>Presupuesto del viaje</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restante</translation>
    </message>
    <message>
        <source>No trip budget to compare with: set one on the trip.</source>
        <translation>No hay presupuesto del viaje con el que comparar: defina uno en el viaje.</translation>
    </message>
    <message>
        <source>Over budget by %1</source>
        <translation>Presupuesto superado en %1</translation>
    </message>
    <message>
        <source>Within budget: %1 left</source>
        <translation>Dentro del presupuesto: quedan %1</translation>
    </message>
    <message>
        <source>no rate</source>
        <translation>sin tasa</translation>
    </message>
    <message>
        <source>Clear the home currency</source>
        <translation>Quitar la moneda de referencia</translation>
    </message>
    <message>
        <source>Set home currency %1</source>
        <translation>Definir la moneda de referencia %1</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>no es un número</translation>
    </message>
    <message>
        <source>is the home currency (its rate is 1)</source>
        <translation>es la moneda de referencia (su tasa es 1)</translation>
    </message>
    <message>
        <source>is needed before rates (rates convert into it)</source>
        <translation>se necesita antes que las tasas (las tasas se convierten a ella)</translation>
    </message>
    <message>
        <source>Add rate %1 = %2 %3</source>
        <translation>Añadir tasa %1 = %2 %3</translation>
    </message>
    <message>
        <source>Remove rate %1</source>
        <translation>Quitar tasa %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>is not an amount</source>
        <translation>no es un importe</translation>
    </message>
    <message>
        <source>Add cost %1</source>
        <translation>Añadir gasto %1</translation>
    </message>
    <message>
        <source>Remove cost %1</source>
        <translation>Quitar gasto %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::ConversationPanel</name>
    <message>
        <source>Questions answered</source>
        <translation>Preguntas respondidas</translation>
    </message>
    <message>
        <source>Next, with the planner:</source>
        <translation>Ahora, con el planificador:</translation>
    </message>
    <message>
        <source>Suggest stays</source>
        <translation>Sugerir alojamientos</translation>
    </message>
    <message>
        <source>Suggest activities</source>
        <translation>Sugerir actividades</translation>
    </message>
    <message>
        <source>Draft the itinerary</source>
        <translation>Esbozar el itinerario</translation>
    </message>
    <message>
        <source>Estimate the budget</source>
        <translation>Estimar el presupuesto</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>No messages yet. Tell the planner what kind of trip you have in mind.</source>
        <translation>Aún no hay mensajes. Cuéntele al planificador qué tipo de viaje tiene en mente.</translation>
    </message>
    <message>
        <source>Your message, being sent</source>
        <translation>Su mensaje, enviándose</translation>
    </message>
    <message>
        <source>The planner&apos;s reply, arriving</source>
        <translation>Respuesta del planificador, en curso</translation>
    </message>
    <message>
        <source>Recommendations:</source>
        <translation>Recomendaciones:</translation>
    </message>
    <message>
        <source>Recommendation sets</source>
        <translation>Conjuntos de recomendaciones</translation>
    </message>
    <message>
        <source>Message to the planner</source>
        <translation>Mensaje para el planificador</translation>
    </message>
    <message>
        <source>Write to the planner… (Ctrl+Enter sends)</source>
        <translation>Escriba al planificador… (Ctrl+Enter para enviar)</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>E&amp;nviar</translation>
    </message>
    <message>
        <source>&amp;Cancel reply</source>
        <translation>&amp;Cancelar respuesta</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Cargando la conversación…</translation>
    </message>
    <message>
        <source>Select a trip to see its conversation.</source>
        <translation>Seleccione un viaje para ver su conversación.</translation>
    </message>
    <message>
        <source>Conversation about “%1”</source>
        <translation>Conversación sobre “%1”</translation>
    </message>
    <message>
        <source>Not sent earlier — Retry to send it again.</source>
        <translation>No se envió anteriormente — pulse Reintentar para enviarlo de nuevo.</translation>
    </message>
    <message>
        <source>Stage: not started</source>
        <translation>Etapa: sin iniciar</translation>
    </message>
    <message>
        <source>Latest (%1)</source>
        <translation>Más reciente (%1)</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Aún ninguno</translation>
    </message>
    <message>
        <source>Earlier set (%1)</source>
        <translation>Conjunto anterior (%1)</translation>
    </message>
    <message>
        <source>Stage: %1 · questions %2 of %3</source>
        <translation>Etapa: %1 · preguntas %2 de %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>✓ Your destination</source>
        <translation>✓ Su destino</translation>
    </message>
    <message>
        <source>%1, your destination</source>
        <translation>%1, su destino</translation>
    </message>
    <message>
        <source>Choose this destination</source>
        <translation>Elegir este destino</translation>
    </message>
    <message>
        <source>Choose this instead</source>
        <translation>Elegir este en su lugar</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>Elegir %1</translation>
    </message>
    <message>
        <source>The planner is replying…</source>
        <translation>El planificador está respondiendo…</translation>
    </message>
    <message>
        <source>Trying again in %1 s (attempt %2): %3</source>
        <translation>Reintentando en %1 s (intento %2): %3</translation>
    </message>
    <message>
        <source>you cancelled the reply.</source>
        <translation>ha cancelado la respuesta.</translation>
    </message>
    <message>
        <source>the conversation changed elsewhere (another window or app); it has been reloaded.</source>
        <translation>la conversación cambió en otro lugar (otra ventana o aplicación); se ha vuelto a cargar.</translation>
    </message>
    <message>
        <source>Not chosen: %1 — Retry to choose %2 again.</source>
        <translation>No elegido: %1 — pulse Reintentar para volver a elegir %2.</translation>
    </message>
    <message>
        <source>Not sent: %1 — Retry</source>
        <translation>No enviado: %1 — Reintentar</translation>
    </message>
    <message>
        <source>Wait for the current reply, or cancel it; your text is kept in the box.</source>
        <translation>Espere a la respuesta actual o cancélela; su texto se conserva en el cuadro.</translation>
    </message>
    <message>
        <source>The planner is not available yet; your text is kept in the box.</source>
        <translation>El planificador aún no está disponible; su texto se conserva en el cuadro.</translation>
    </message>
    <message>
        <source>This link is not opened: %1</source>
        <translation>Este enlace no se abre: %1</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <source>Open this address in your browser?

%1</source>
        <translation>¿Abrir esta dirección en su navegador?

%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>tp::ui::CoordinatePickerDialog</name>
    <message>
        <source>Pick the position on the map</source>
        <translation>Elegir la posición en el mapa</translation>
    </message>
    <message>
        <source>Click the destination&apos;s position. Drag to pan, scroll or pinch to zoom.</source>
        <translation>Haga clic en la posición del destino. Arrastre para desplazarse; use la rueda o pellizque para hacer zoom.</translation>
    </message>
    <message>
        <source>Map to pick the position on</source>
        <translation>Mapa para elegir la posición</translation>
    </message>
    <message>
        <source>No position chosen yet.</source>
        <translation>Aún no se ha elegido una posición.</translation>
    </message>
    <message>
        <source>Use this position</source>
        <translation>Usar esta posición</translation>
    </message>
    <message>
        <source>Current position: %1, %2. Click the map to choose another.</source>
        <translation>Posición actual: %1, %2. Haga clic en el mapa para elegir otra.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Advertencia: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::DateFilterEdit</name>
    <message>
        <source>any date</source>
        <translation>cualquier fecha</translation>
    </message>
    <message>
        <source>Choose a date from a calendar</source>
        <translation>Elegir una fecha en un calendario</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as YYYY-MM-DD, for example 2027-03-01.</source>
        <translation>“%1” no es una fecha: escríbala como YYYY-MM-DD, por ejemplo 2027-03-01.</translation>
    </message>
</context>
<context>
    <name>tp::ui::DestinationDialog</name>
    <message>
        <source>Edit destination</source>
        <translation>Editar destino</translation>
    </message>
    <message>
        <source>Add destination</source>
        <translation>Añadir destino</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Best time to visit</source>
        <translation>Mejor época para visitar</translation>
    </message>
    <message>
        <source>Average cost per day</source>
        <translation>Coste medio por día</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>&amp;Find coordinates</source>
        <translation>&amp;Buscar coordenadas</translation>
    </message>
    <message>
        <source>Look the city (or name) and country up in the offline gazetteer</source>
        <translation>Busca la ciudad (o el nombre) y el país en el nomenclátor sin conexión</translation>
    </message>
    <message>
        <source>Search &amp;online</source>
        <translation>Buscar en &amp;línea</translation>
    </message>
    <message>
        <source>Pick on &amp;map…</source>
        <translation>Elegir en el &amp;mapa…</translation>
    </message>
    <message>
        <source>Click the place on a map</source>
        <translation>Haga clic en el lugar en un mapa</translation>
    </message>
    <message>
        <source>Places found online</source>
        <translation>Lugares encontrados en línea</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Search OpenStreetMap&apos;s Nominatim for the city (or name) and country. Sends the name to nominatim.openstreetmap.org or the server set in Settings → Map.</source>
        <translation>Busca la ciudad (o el nombre) y el país en Nominatim de OpenStreetMap. Envía el nombre a nominatim.openstreetmap.org o al servidor definido en Configuración → Mapa.</translation>
    </message>
    <message>
        <source>Online search is turned off (Settings → Map).</source>
        <translation>La búsqueda en línea está desactivada (Configuración → Mapa).</translation>
    </message>
    <message>
        <source>Coordinates: none yet. Type them, find them by name or pick them on the map.</source>
        <translation>Coordenadas: aún no hay. Escríbalas, búsquelas por nombre o elíjalas en el mapa.</translation>
    </message>
    <message>
        <source>Coordinates: as saved (where they came from was not recorded).</source>
        <translation>Coordenadas: las guardadas (no se registró su procedencia).</translation>
    </message>
    <message>
        <source>Coordinates: typed.</source>
        <translation>Coordenadas: escritas a mano.</translation>
    </message>
    <message>
        <source>Coordinates: picked on the map.</source>
        <translation>Coordenadas: elegidas en el mapa.</translation>
    </message>
    <message>
        <source>Coordinates: from the offline gazetteer (GeoNames): %1.</source>
        <translation>Coordenadas: del nomenclátor sin conexión (GeoNames): %1.</translation>
    </message>
    <message>
        <source>Coordinates: country centre (approximate): %1.</source>
        <translation>Coordenadas: centro del país (aproximado): %1.</translation>
    </message>
    <message>
        <source>Coordinates: from OpenStreetMap Nominatim: %1. Search data © OpenStreetMap contributors (ODbL).</source>
        <translation>Coordenadas: de OpenStreetMap Nominatim: %1. Datos de búsqueda © colaboradores de OpenStreetMap (ODbL).</translation>
    </message>
    <message>
        <source>Coordinates: from the AI planner (checked against the country).</source>
        <translation>Coordenadas: del planificador de IA (comprobadas con el país).</translation>
    </message>
    <message>
        <source>Coordinates: from the bundled catalogue.</source>
        <translation>Coordenadas: del catálogo incluido.</translation>
    </message>
    <message>
        <source>Recorded %1.</source>
        <translation>Registradas el %1.</translation>
    </message>
    <message>
        <source>Type a name or city and a country first.</source>
        <translation>Escriba primero un nombre o una ciudad y un país.</translation>
    </message>
    <message>
        <source>Looking up %1 in the offline gazetteer…</source>
        <translation>Buscando %1 en el nomenclátor sin conexión…</translation>
    </message>
    <message>
        <source>%1 was not found in the offline gazetteer.</source>
        <translation>%1 no se encontró en el nomenclátor sin conexión.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>The gazetteer&apos;s %1 (%2, %3) was not used: the coordinates were changed meanwhile.</source>
        <translation>No se usó %1 (%2, %3) del nomenclátor: las coordenadas se cambiaron mientras tanto.</translation>
    </message>
    <message>
        <source>Type a name or city first.</source>
        <translation>Escriba primero un nombre o una ciudad.</translation>
    </message>
    <message>
        <source>Searching OpenStreetMap Nominatim for %1…</source>
        <translation>Buscando %1 en OpenStreetMap Nominatim…</translation>
    </message>
    <message>
        <source>OpenStreetMap Nominatim found no place named %1.</source>
        <translation>OpenStreetMap Nominatim no encontró ningún lugar llamado %1.</translation>
    </message>
    <message>
        <source>The coordinates were changed during the search and were kept; choose a place found online to use it instead.</source>
        <translation>Las coordenadas se cambiaron durante la búsqueda y se han conservado; elija un lugar encontrado en línea para usarlo en su lugar.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Warning: %1 Check the coordinates; you can still save them.</source>
        <translation>Advertencia: %1 Compruebe las coordenadas; puede guardarlas de todos modos.</translation>
    </message>
</context>
<context>
    <name>tp::ui::DestinationsPanel</name>
    <message>
        <source>Search destinations</source>
        <translation>Buscar destinos</translation>
    </message>
    <message>
        <source>Search name, city, country, description…</source>
        <translation>Buscar nombre, ciudad, país, descripción…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Aña&amp;dir…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Edi&amp;tar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Fill &amp;missing coordinates</source>
        <translation>Completar coordenadas &amp;faltantes</translation>
    </message>
    <message>
        <source>Place every destination without coordinates with the offline gazetteer</source>
        <translation>Ubica con el nomenclátor sin conexión cada destino que no tenga coordenadas</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Destinos</translation>
    </message>
    <message>
        <source>Map of destinations</source>
        <translation>Mapa de destinos</translation>
    </message>
    <message>
        <source>Your catalogue has no destinations yet.

Add one with Add… above, or choose one of the planner&apos;s recommendations in a trip&apos;s conversation: it joins the catalogue.</source>
        <translation>Su catálogo aún no tiene destinos.

Añada uno con Añadir… (arriba) o elija una de las recomendaciones del planificador en la conversación de un viaje: se incorporará al catálogo.</translation>
    </message>
    <message>
        <source>No destination matches “%1”.</source>
        <translation>Ningún destino coincide con “%1”.</translation>
    </message>
    <message>
        <source>Saved %1, %2.</source>
        <translation>Guardado: %1, %2.</translation>
    </message>
    <message>
        <source>Looking up destinations without coordinates…</source>
        <translation>Buscando destinos sin coordenadas…</translation>
    </message>
    <message>
        <source>The catalogue is empty: there is nothing to fill in. Add destinations first (Add…).</source>
        <translation>El catálogo está vacío: no hay nada que completar. Añada destinos primero (Añadir…).</translation>
    </message>
    <message>
        <source>Every destination already has coordinates.</source>
        <translation>Todos los destinos tienen ya coordenadas.</translation>
    </message>
    <message>
        <source>%1 of %2 destinations placed; %3 not found.</source>
        <translation>%1 de %2 destinos ubicados; %3 no encontrados.</translation>
    </message>
    <message>
        <source>Delete %1, %2 from the catalogue?</source>
        <translation>¿Eliminar %1, %2 del catálogo?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %1, %2 from the catalogue? %n trips will lose this destination.</source>
        <translation>
            <numerusform>¿Eliminar %1, %2 del catálogo? %n viaje perderá este destino.</numerusform>
            <numerusform>¿Eliminar %1, %2 del catálogo? %n viajes perderán este destino.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete destination</source>
        <translation>Eliminar destino</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleted %1, %2.</source>
        <translation>Eliminado: %1, %2.</translation>
    </message>
</context>
<context>
    <name>tp::ui::FieldErrorLabel</name>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
</context>
<context>
    <name>tp::ui::ItineraryView</name>
    <message>
        <source>Itinerary</source>
        <translation>Itinerario</translation>
    </message>
    <message>
        <source>Map of the day</source>
        <translation>Mapa del día</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problema: %1</translation>
    </message>
    <message>
        <source>The trip has no dates and the plan has no dated items yet.</source>
        <translation>El viaje no tiene fechas y el plan aún no tiene elementos con fecha.</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message>
        <source>The map shows the day chosen in the list.</source>
        <translation>El mapa muestra el día elegido en la lista.</translation>
    </message>
    <message>
        <source>%1: no place of this day has coordinates yet (Find place in its editor).</source>
        <translation>%1: ningún lugar de este día tiene coordenadas todavía (Buscar lugar en su editor).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n places, numbered in the day&apos;s order.</source>
        <translation>
            <numerusform>%1: %n lugar, numerado según el orden del día.</numerusform>
            <numerusform>%1: %n lugares, numerados según el orden del día.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::LanguagePage</name>
    <message>
        <source>The system&apos;s language (%1)</source>
        <translation>Idioma del sistema (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Trip Planner shows the new language the next time it starts. Dates and numbers follow the language too.</source>
        <translation>Trip Planner mostrará el nuevo idioma la próxima vez que se inicie. Las fechas y los números también siguen el idioma.</translation>
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
        <translation>Código de aeropuerto</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Local date</source>
        <translation>Fecha local</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Hora local</translation>
    </message>
    <message>
        <source>%1 is not in the bundled airport list: type the place and its time zone.</source>
        <translation>%1 no está en la lista de aeropuertos incluida: escriba el lugar y su zona horaria.</translation>
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
        <translation>Medio</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Departs</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Arrives</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Trayectos</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Medio</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>Ori&amp;gen</translation>
    </message>
    <message>
        <source>De&amp;parts</source>
        <translation>&amp;Salida</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Destino</translation>
    </message>
    <message>
        <source>&amp;Arrives</source>
        <translation>&amp;Llegada</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>Núme&amp;ro</translation>
    </message>
    <message>
        <source>&amp;Carrier</source>
        <translation>Com&amp;pañía</translation>
    </message>
    <message>
        <source>&amp;Booking ref</source>
        <translation>Re&amp;f. de reserva</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>M&amp;oneda</translation>
    </message>
    <message>
        <source>C&amp;ost</source>
        <translation>&amp;Coste</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Es&amp;tado</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>%1 time zone</source>
        <translation>%1 (zona horaria)</translation>
    </message>
    <message>
        <source>%1 date</source>
        <translation>%1 (fecha)</translation>
    </message>
    <message>
        <source>%1 time</source>
        <translation>%1 (hora)</translation>
    </message>
    <message>
        <source>%1 code</source>
        <translation>%1 (código)</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Compañía</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Booking ref</source>
        <translation>Ref. de reserva</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Ne&amp;w leg</source>
        <translation>Nue&amp;vo trayecto</translation>
    </message>
    <message>
        <source>Save le&amp;g</source>
        <translation>G&amp;uardar trayecto</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>El&amp;iminar</translation>
    </message>
    <message>
        <source>(needs both local times and zones)</source>
        <translation>(requiere las dos horas locales y sus zonas horarias)</translation>
    </message>
    <message>
        <source>Edit leg %1</source>
        <translation>Editar trayecto %1</translation>
    </message>
    <message>
        <source>Add leg %1</source>
        <translation>Añadir trayecto %1</translation>
    </message>
    <message>
        <source>Remove leg %1</source>
        <translation>Eliminar trayecto %1</translation>
    </message>
    <message>
        <source>The new leg</source>
        <translation>El nuevo trayecto</translation>
    </message>
    <message>
        <source>The leg “%1 → %2”</source>
        <translation>El trayecto “%1 → %2”</translation>
    </message>
</context>
<context>
    <name>tp::ui::LlmEndpointTest</name>
    <message>
        <source>The built-in offline planner needs no connection.</source>
        <translation>El planificador integrado sin conexión no necesita ninguna conexión.</translation>
    </message>
    <message>
        <source>The base URL is not a valid http(s) address.</source>
        <translation>La URL base no es una dirección http(s) válida.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 no respondió en %2 segundos.</translation>
    </message>
    <message>
        <source>The server name %1 could not be found: check the base URL and that you are online.</source>
        <translation>No se encontró el servidor %1: compruebe la URL base y que tiene conexión a internet.</translation>
    </message>
    <message>
        <source>Nothing accepted the connection at %1 (is the server running?).</source>
        <translation>Ningún servicio aceptó la conexión en %1 (¿está en marcha el servidor?).</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (TLS certificate problem).</source>
        <translation>Falló la conexión segura con %1 (problema con el certificado TLS).</translation>
    </message>
    <message>
        <source>No answer from %1: the network or the server is unavailable.</source>
        <translation>Sin respuesta de %1: la red o el servidor no están disponibles.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address.</source>
        <translation>El servidor de %1 redirigió la solicitud a otra dirección.</translation>
    </message>
    <message>
        <source>The server at %1 sent the request to another address (%2).</source>
        <translation>El servidor de %1 redirigió la solicitud a otra dirección (%2).</translation>
    </message>
    <message>
        <source>The API key is only sent to the server you configured: if the new address is right, enter it as the base URL.</source>
        <translation>La clave de API solo se envía al servidor que usted configuró: si la nueva dirección es correcta, introdúzcala como URL base.</translation>
    </message>
    <message>
        <source>It works: %1 answered in %2 ms with model %3.</source>
        <translation>Funciona: %1 respondió en %2 ms con el modelo %3.</translation>
    </message>
    <message>
        <source>The API key was rejected (HTTP %1): check or replace the key.</source>
        <translation>Se rechazó la clave de API (HTTP %1): compruebe o sustituya la clave.</translation>
    </message>
    <message>
        <source>The quota or rate limit is exhausted (HTTP 429): wait, or check the plan of the account.</source>
        <translation>Se agotó la cuota o el límite de solicitudes (HTTP 429): espere o revise el plan de la cuenta.</translation>
    </message>
    <message>
        <source>The provider had a server error (HTTP %1); try again later.</source>
        <translation>El proveedor tuvo un error de servidor (HTTP %1); inténtelo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>Not found (HTTP 404): check the base URL and the model name &quot;%1&quot;.</source>
        <translation>No encontrado (HTTP 404): compruebe la URL base y el nombre del modelo «%1».</translation>
    </message>
    <message>
        <source>The provider refused the request (HTTP %1).</source>
        <translation>El proveedor rechazó la solicitud (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>tp::ui::MainWindow</name>
    <message>
        <source>Trips</source>
        <translation>Viajes</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Destinos</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Datos: %1</translation>
    </message>
    <message>
        <source>Round trip %1 ms</source>
        <translation>Latencia: %1 ms</translation>
    </message>
    <message>
        <source>The budget was not saved: its trip is no longer open.</source>
        <translation>El presupuesto no se guardó: su viaje ya no está abierto.</translation>
    </message>
    <message>
        <source>The budget is in the trip&apos;s details: save them to keep it.</source>
        <translation>El presupuesto está en los detalles del viaje: guárdelos para conservarlo.</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Re&amp;intentar</translation>
    </message>
    <message>
        <source>Connection settin&amp;gs…</source>
        <translation>Configuración de co&amp;nexión…</translation>
    </message>
    <message>
        <source>Search trips</source>
        <translation>Buscar viajes</translation>
    </message>
    <message>
        <source>Search title and description… (Ctrl+F)</source>
        <translation>Buscar en título y descripción… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Trips ending on or after</source>
        <translation>Viajes que terminan en esta fecha o después</translation>
    </message>
    <message>
        <source>Trips starting on or before</source>
        <translation>Viajes que empiezan en esta fecha o antes</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Borrar filtros</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Destination Selected</source>
        <translation>Destino elegido</translation>
    </message>
    <message>
        <source>Plan a new trip</source>
        <translation>Planificar un viaje nuevo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planificación</translation>
    </message>
    <message>
        <source>Map of the trip&apos;s places</source>
        <translation>Mapa de los lugares del viaje</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New trip</source>
        <translation>&amp;Nuevo viaje</translation>
    </message>
    <message>
        <source>&amp;Save trip</source>
        <translation>&amp;Guardar viaje</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconectar</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>Map as &amp;PNG…</source>
        <translation>Mapa como &amp;PNG…</translation>
    </message>
    <message>
        <source>&amp;Destinations as GeoJSON or GPX…</source>
        <translation>&amp;Destinos como GeoJSON o GPX…</translation>
    </message>
    <message>
        <source>This &amp;trip&apos;s places as GeoJSON or GPX…</source>
        <translation>Lugares de es&amp;te viaje como GeoJSON o GPX…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Delete trip…</source>
        <translation>&amp;Eliminar viaje…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Trip &amp;details</source>
        <translation>&amp;Detalles del viaje</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Conversación</translation>
    </message>
    <message>
        <source>&amp;Planning</source>
        <translation>&amp;Planificación</translation>
    </message>
    <message>
        <source>De&amp;stinations</source>
        <translation>De&amp;stinos</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Mapa</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Conexión: %1</translation>
    </message>
    <message>
        <source>Trip Planner cannot reach its database at %1.
%2</source>
        <translation>Trip Planner no puede acceder a su base de datos en %1.
%2</translation>
    </message>
    <message>
        <source>The connection to the database was lost: %1
Your trips are shown as last loaded; changes are refused until it is back.</source>
        <translation>Se perdió la conexión con la base de datos: %1
Sus viajes se muestran tal como se cargaron por última vez; no se aceptan cambios hasta que se restablezca.</translation>
    </message>
    <message>
        <source>Trying again to reach %1…</source>
        <translation>Reintentando conectar con %1…</translation>
    </message>
    <message>
        <source>No trips match these filters.</source>
        <translation>Ningún viaje coincide con estos filtros.</translation>
    </message>
    <message>
        <source>No trips yet. Where would you like to go?</source>
        <translation>Aún no hay viajes. ¿Adónde le gustaría ir?</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n coincidencia</numerusform>
            <numerusform>%n coincidencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trips</source>
        <translation>
            <numerusform>%n viaje</numerusform>
            <numerusform>%n viajes</numerusform>
        </translation>
    </message>
    <message>
        <source>The new trip</source>
        <translation>El viaje nuevo</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 tiene cambios sin guardar. ¿Desea guardarlos?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Guardando el plan…</translation>
    </message>
    <message>
        <source>Created “%1”.</source>
        <translation>Se creó “%1”.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>Se guardó “%1”.</translation>
    </message>
    <message>
        <source>Delete trip</source>
        <translation>Eliminar viaje</translation>
    </message>
    <message>
        <source>Delete the trip “%1”? Its conversation and planning sessions are deleted with it; Undo (Ctrl+Z) brings all of it back.</source>
        <translation>¿Eliminar el viaje “%1”? Su conversación y sus sesiones de planificación se eliminan con él; Deshacer (Ctrl+Z) lo recupera todo.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleted “%1”. Undo with Ctrl+Z.</source>
        <translation>Se eliminó “%1”. Para deshacer: Ctrl+Z.</translation>
    </message>
    <message>
        <source>Loading every trip…</source>
        <translation>Cargando todos los viajes…</translation>
    </message>
    <message>
        <source>Unsent message</source>
        <translation>Mensaje sin enviar</translation>
    </message>
    <message numerus="yes">
        <source>A message to the planner was typed but not sent (%n trips). Quit anyway and lose it?</source>
        <translation>
            <numerusform>Hay un mensaje para el planificador escrito pero sin enviar (%n viaje). ¿Salir de todos modos y perderlo?</numerusform>
            <numerusform>Hay mensajes para el planificador escritos pero sin enviar (%n viajes). ¿Salir de todos modos y perderlos?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit without sending</source>
        <translation>&amp;Salir sin enviar</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Exportar mapa</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
    <message>
        <source>Saved the map to %1.</source>
        <translation>Mapa guardado en %1.</translation>
    </message>
    <message>
        <source>Export destinations</source>
        <translation>Exportar destinos</translation>
    </message>
    <message>
        <source>Trip Planner destinations</source>
        <translation>Destinos de Trip Planner</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n destinations; %1 without coordinates left out.</source>
        <translation>
            <numerusform>Se exportó %n destino; omitidos por no tener coordenadas: %1.</numerusform>
            <numerusform>Se exportaron %n destinos; omitidos por no tener coordenadas: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a trip first.</source>
        <translation>Seleccione primero un viaje.</translation>
    </message>
    <message>
        <source>This trip has no places with coordinates yet.</source>
        <translation>Este viaje aún no tiene lugares con coordenadas.</translation>
    </message>
    <message>
        <source>Export the trip&apos;s places</source>
        <translation>Exportar los lugares del viaje</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n places.</source>
        <translation>
            <numerusform>Se exportó %n lugar.</numerusform>
            <numerusform>Se exportaron %n lugares.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::MapSettingsPage</name>
    <message>
        <source>The map&apos;s land and borders and the offline gazetteer are built in and always work. These online services add detail when the computer is online.</source>
        <translation>La tierra y las fronteras del mapa y el nomenclátor sin conexión están integrados y siempre funcionan. Estos servicios en línea añaden detalle cuando el equipo tiene conexión.</translation>
    </message>
    <message>
        <source>Map tiles</source>
        <translation>Teselas del mapa</translation>
    </message>
    <message>
        <source>Show online map tiles when the computer is online</source>
        <translation>Mostrar teselas de mapa en línea cuando el equipo tenga conexión</translation>
    </message>
    <message>
        <source>Tile server</source>
        <translation>Servidor de teselas</translation>
    </message>
    <message>
        <source>An XYZ template with {z}, {x} and {y}. The OpenStreetMap tile server is used within its usage policy: tiles are cached for at least 7 days and only the tiles on screen are fetched.</source>
        <translation>Una plantilla XYZ con {z}, {x} e {y}. El servidor de teselas de OpenStreetMap se usa conforme a su política de uso: las teselas se guardan en caché al menos 7 días y solo se descargan las que están en pantalla.</translation>
    </message>
    <message>
        <source>Attribution shown on the map</source>
        <translation>Atribución que se muestra en el mapa</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Atribución</translation>
    </message>
    <message>
        <source>Online place search</source>
        <translation>Búsqueda de lugares en línea</translation>
    </message>
    <message>
        <source>Offer &quot;Search online&quot; in the destination editor</source>
        <translation>Ofrecer «Buscar en línea» en el editor de destinos</translation>
    </message>
    <message>
        <source>Nominatim server</source>
        <translation>Servidor Nominatim</translation>
    </message>
    <message>
        <source>A place name is sent only when you press &quot;Search online&quot;, at most one request a second; answers are kept in the database so that a question is asked once.</source>
        <translation>El nombre de un lugar solo se envía al pulsar «Buscar en línea», como máximo una solicitud por segundo; las respuestas se guardan en la base de datos para que cada consulta se haga una sola vez.</translation>
    </message>
</context>
<context>
    <name>tp::ui::MapWidget</name>
    <message>
        <source>Zoom in (+)</source>
        <translation>Acercar (+)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Alejar (-)</translation>
    </message>
    <message>
        <source>Show all markers (Home)</source>
        <translation>Mostrar todos los marcadores (Home)</translation>
    </message>
    <message>
        <source>Show the trip&apos;s places (Home)</source>
        <translation>Mostrar los lugares del viaje (Home)</translation>
    </message>
    <message>
        <source>Chosen destination of this trip</source>
        <translation>Destino elegido para este viaje</translation>
    </message>
    <message>
        <source>Selected destination</source>
        <translation>Destino seleccionado</translation>
    </message>
    <message>
        <source>Recommended by the planner</source>
        <translation>Recomendado por el planificador</translation>
    </message>
    <message>
        <source>Destination in your catalogue</source>
        <translation>Destino de su catálogo</translation>
    </message>
    <message>
        <source>Several destinations (click to zoom in)</source>
        <translation>Varios destinos (haga clic para acercar)</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Alojamiento</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Idea, not scheduled yet</source>
        <translation>Idea, aún sin programar</translation>
    </message>
    <message>
        <source>Leg (dashed: a flight)</source>
        <translation>Trayecto (discontinuo: un vuelo)</translation>
    </message>
    <message>
        <source>Start or end of a leg</source>
        <translation>Inicio o fin de un trayecto</translation>
    </message>
    <message>
        <source>Picked position</source>
        <translation>Posición elegida</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Leyenda</translation>
    </message>
    <message>
        <source>Hide the legend</source>
        <translation>Ocultar la leyenda</translation>
    </message>
    <message>
        <source>Show what the markers&apos; colours mean</source>
        <translation>Mostrar qué significan los colores de los marcadores</translation>
    </message>
    <message>
        <source>Show the legend</source>
        <translation>Mostrar la leyenda</translation>
    </message>
    <message>
        <source>Best time to visit: %1</source>
        <translation>Mejor época para ir: %1</translation>
    </message>
    <message>
        <source>Daily cost: %1</source>
        <translation>Gasto diario: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n destinations here; click to zoom in</source>
        <translation>
            <numerusform>%n destino aquí; haga clic para acercar</numerusform>
            <numerusform>%n destinos aquí; haga clic para acercar</numerusform>
        </translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recomendado</translation>
    </message>
    <message>
        <source>(approximate position)</source>
        <translation>(posición aproximada)</translation>
    </message>
</context>
<context>
    <name>tp::ui::MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planificador</translation>
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
        <translation>Ciudad, país</translation>
    </message>
    <message>
        <source>Find pla&amp;ce</source>
        <translation>&amp;Buscar lugar</translation>
    </message>
    <message>
        <source>Pick on &amp;map…</source>
        <translation>Elegir en el &amp;mapa…</translation>
    </message>
    <message>
        <source>Click the place on a map</source>
        <translation>Haga clic en el lugar sobre un mapa</translation>
    </message>
    <message>
        <source>Places found online</source>
        <translation>Lugares encontrados en línea</translation>
    </message>
    <message>
        <source>No coordinates: Find place or Pick on map to add them.</source>
        <translation>Sin coordenadas: use Buscar lugar o Elegir en el mapa para añadirlas.</translation>
    </message>
    <message>
        <source>The online search changed: press Find place again.</source>
        <translation>La búsqueda en línea ha cambiado: vuelva a pulsar Buscar lugar.</translation>
    </message>
    <message>
        <source>The online search was turned off.</source>
        <translation>Se desactivó la búsqueda en línea.</translation>
    </message>
    <message>
        <source>Looks the place up in the offline gazetteer, then on OpenStreetMap Nominatim (sends the name to nominatim.openstreetmap.org or the server set in Settings → Map).</source>
        <translation>Busca el lugar en el nomenclátor sin conexión y luego en OpenStreetMap Nominatim (envía el nombre a nominatim.openstreetmap.org o al servidor definido en Configuración → Mapa).</translation>
    </message>
    <message>
        <source>Looks the place up in the offline gazetteer. Online search is turned off (Settings → Map).</source>
        <translation>Busca el lugar en el nomenclátor sin conexión. La búsqueda en línea está desactivada (Configuración → Mapa).</translation>
    </message>
    <message>
        <source>Type the place&apos;s name first.</source>
        <translation>Escriba primero el nombre del lugar.</translation>
    </message>
    <message>
        <source>Looking up %1 in the offline gazetteer…</source>
        <translation>Buscando %1 en el nomenclátor sin conexión…</translation>
    </message>
    <message>
        <source>%1 was not found in the offline gazetteer (online search is turned off: Settings → Map).</source>
        <translation>%1 no se encontró en el nomenclátor sin conexión (la búsqueda en línea está desactivada: Configuración → Mapa).</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 (the country&apos;s centre, approximate): %2</source>
        <translation>%1 (centro del país, aproximado): %2</translation>
    </message>
    <message>
        <source>%1 is not in the offline gazetteer; searching OpenStreetMap Nominatim…</source>
        <translation>%1 no está en el nomenclátor sin conexión; buscando en OpenStreetMap Nominatim…</translation>
    </message>
    <message>
        <source>Neither the offline gazetteer nor OpenStreetMap Nominatim found %1.</source>
        <translation>Ni el nomenclátor sin conexión ni OpenStreetMap Nominatim encontraron %1.</translation>
    </message>
    <message>
        <source>%1: %2. Search data © OpenStreetMap contributors (ODbL).</source>
        <translation>%1: %2. Datos de búsqueda © colaboradores de OpenStreetMap (ODbL).</translation>
    </message>
    <message>
        <source>Picked on the map: %1</source>
        <translation>Elegido en el mapa: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanEditor</name>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Alojamientos</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Actividades</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>Itinerario</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Ask the planner for proposals for this stage (%1); nothing enters the plan until you accept it</source>
        <translation>Pedir propuestas al planificador para esta etapa (%1); nada entra en el plan hasta que usted lo acepte</translation>
    </message>
    <message>
        <source>Stop asking the planner</source>
        <translation>Detener la consulta</translation>
    </message>
    <message>
        <source>Suggest stays…</source>
        <translation>Sugerir alojamientos…</translation>
    </message>
    <message>
        <source>Suggest activities…</source>
        <translation>Sugerir actividades…</translation>
    </message>
    <message>
        <source>Draft the itinerary…</source>
        <translation>Esbozar el itinerario…</translation>
    </message>
    <message>
        <source>Estimate the budget…</source>
        <translation>Estimar el presupuesto…</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanLayer</name>
    <message>
        <source>number %1 of the day</source>
        <translation>n.º %1 del día</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanSection</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 tiene cambios sin guardar. ¿Desea guardarlos?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
</context>
<context>
    <name>tp::ui::PlanningPanel</name>
    <message>
        <source>Planning stages</source>
        <translation>Etapas de planificación</translation>
    </message>
    <message>
        <source>Start planning</source>
        <translation>Empezar a planificar</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Atrás</translation>
    </message>
    <message>
        <source>Back one stage</source>
        <translation>Retroceder una etapa</translation>
    </message>
    <message>
        <source>Advance ▶</source>
        <translation>Avanzar ▶</translation>
    </message>
    <message>
        <source>Advance to the next stage</source>
        <translation>Avanzar a la etapa siguiente</translation>
    </message>
    <message>
        <source>Back one stage (Alt+Left)</source>
        <translation>Retroceder una etapa (Alt+Left)</translation>
    </message>
    <message>
        <source>Advance to the next stage (Alt+Right)</source>
        <translation>Avanzar a la etapa siguiente (Alt+Right)</translation>
    </message>
    <message>
        <source>Planning is completed from the final review: advance to it first.</source>
        <translation>La planificación se completa desde la revisión final: avance primero hasta ella.</translation>
    </message>
    <message>
        <source>Writing the itinerary to %1…</source>
        <translation>Escribiendo el itinerario en %1…</translation>
    </message>
    <message>
        <source>Select a trip to see its planning session.</source>
        <translation>Seleccione un viaje para ver su sesión de planificación.</translation>
    </message>
    <message>
        <source>Start a new session</source>
        <translation>Iniciar una sesión nueva</translation>
    </message>
    <message>
        <source>No active planning session. Start one to work through the stages.</source>
        <translation>No hay ninguna sesión de planificación activa. Inicie una para recorrer las etapas.</translation>
    </message>
    <message>
        <source>Planning completed: all %1 stages done · started %2</source>
        <translation>Planificación completada: las %1 etapas terminadas · iniciada el %2</translation>
    </message>
    <message>
        <source>Stage %1 of %2: %3 · %4 of %2 stages completed · started %5</source>
        <translation>Etapa %1 de %2: %3 · %4 de %2 etapas completadas · iniciada el %5</translation>
    </message>
    <message>
        <source>Asking the planner…</source>
        <translation>Consultando al planificador…</translation>
    </message>
    <message>
        <source>The planner: %1</source>
        <translation>El planificador: %1</translation>
    </message>
    <message>
        <source>The planner did not answer (%1); trying again in %2 s (attempt %3)…</source>
        <translation>El planificador no respondió (%1); se reintentará en %2 s (intento %3)…</translation>
    </message>
    <message>
        <source>Stopped asking the planner; nothing was changed.</source>
        <translation>Consulta al planificador detenida; no se cambió nada.</translation>
    </message>
    <message>
        <source>The planner could not make proposals: %1 Nothing was changed.</source>
        <translation>El planificador no pudo hacer propuestas: %1 No se cambió nada.</translation>
    </message>
    <message>
        <source>The plan or the trip changed while the proposals were open: nothing was added. Ask again for proposals that fit them as they are now.</source>
        <translation>El plan o el viaje cambiaron mientras las propuestas estaban abiertas: no se añadió nada. Vuelva a pedir propuestas que se ajusten a su estado actual.</translation>
    </message>
    <message>
        <source>Nothing was added: %1</source>
        <translation>No se añadió nada: %1</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Aceptar %n sugerencia</numerusform>
            <numerusform>Aceptar %n sugerencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n suggestion(s) to the plan; Undo (Ctrl+Z) takes them out again.</source>
        <translation>
            <numerusform>Se añadió %n sugerencia al plan; Deshacer (Ctrl+Z) la vuelve a quitar.</numerusform>
            <numerusform>Se añadieron %n sugerencias al plan; Deshacer (Ctrl+Z) las vuelve a quitar.</numerusform>
        </translation>
    </message>
    <message>
        <source>The estimate goes to the trip&apos;s budget (in its details).</source>
        <translation>La estimación pasa al presupuesto del viaje (en sus detalles).</translation>
    </message>
</context>
<context>
    <name>tp::ui::PreferencesDialog</name>
    <message>
        <source>Travel preferences</source>
        <translation>Preferencias de viaje</translation>
    </message>
    <message>
        <source>What you like when travelling</source>
        <translation>Lo que le gusta al viajar</translation>
    </message>
    <message>
        <source>Beaches, food markets, slow mornings…</source>
        <translation>Playas, mercados de comida, mañanas tranquilas…</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>no minimum</source>
        <translation>sin mínimo</translation>
    </message>
    <message>
        <source>Minimum budget</source>
        <translation>Presupuesto mínimo</translation>
    </message>
    <message>
        <source>Budget from</source>
        <translation>Presupuesto desde</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>sin máximo</translation>
    </message>
    <message>
        <source>Maximum budget</source>
        <translation>Presupuesto máximo</translation>
    </message>
    <message>
        <source>Budget up to</source>
        <translation>Presupuesto hasta</translation>
    </message>
    <message>
        <source>Preferred group size</source>
        <translation>Tamaño de grupo preferido</translation>
    </message>
    <message>
        <source>Group size</source>
        <translation>Tamaño del grupo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Budget from:</source>
        <translation>Presupuesto desde:</translation>
    </message>
    <message>
        <source>Budget up to:</source>
        <translation>Presupuesto hasta:</translation>
    </message>
    <message>
        <source>Group size:</source>
        <translation>Tamaño del grupo:</translation>
    </message>
    <message>
        <source>Preferences:</source>
        <translation>Preferencias:</translation>
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
            <numerusform>%1: del %2 al %3 (%n noche)</numerusform>
            <numerusform>%1: del %2 al %3 (%n noches)</numerusform>
        </translation>
    </message>
    <message>
        <source>Idea: %1</source>
        <translation>Idea: %1</translation>
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
        <translation>Alojamientos sugeridos</translation>
    </message>
    <message>
        <source>Suggested activities</source>
        <translation>Actividades sugeridas</translation>
    </message>
    <message>
        <source>A draft itinerary</source>
        <translation>Un borrador de itinerario</translation>
    </message>
    <message>
        <source>A budget estimate</source>
        <translation>Una estimación del presupuesto</translation>
    </message>
    <message>
        <source>%1 for “%2”</source>
        <translation>%1 para “%2”</translation>
    </message>
    <message>
        <source>A suggestion to verify: check that it exists and is open before you book.</source>
        <translation>Sugerencia por verificar: antes de reservar, compruebe que existe y que está abierto.</translation>
    </message>
    <message>
        <source>Cannot be accepted: %1 %2</source>
        <translation>No se puede aceptar: %1 %2</translation>
    </message>
    <message>
        <source>&amp;Accept selected</source>
        <translation>&amp;Aceptar seleccionadas</translation>
    </message>
    <message>
        <source>Accept a&amp;ll</source>
        <translation>Aceptar &amp;todas</translation>
    </message>
    <message>
        <source>&amp;Edit first…</source>
        <translation>&amp;Editar antes…</translation>
    </message>
    <message>
        <source>Open this stay or activity in its stage&apos;s form to change it before it is added</source>
        <translation>Abrir este alojamiento o actividad en el formulario de su etapa para cambiarlo antes de añadirlo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
</context>
<context>
    <name>tp::ui::ReviewView</name>
    <message>
        <source>What is missing</source>
        <translation>Lo que falta</translation>
    </message>
    <message>
        <source>Export to &amp;calendar…</source>
        <translation>Exportar al &amp;calendario…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Exportar P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Reads booking confirmations (.ics) and places (GPX, KML, GeoJSON) into the plan</source>
        <translation>Incorpora al plan confirmaciones de reserva (.ics) y lugares (GPX, KML, GeoJSON)</translation>
    </message>
    <message>
        <source>C&amp;omplete planning</source>
        <translation>C&amp;ompletar planificación</translation>
    </message>
    <message>
        <source>Nothing is missing: everything is booked.</source>
        <translation>No falta nada: todo está reservado.</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>No falta nada.</translation>
    </message>
    <message numerus="yes">
        <source>%n things to look at before the trip (Enter on one shows it):</source>
        <translation>
            <numerusform>%n cosa que revisar antes del viaje (pulse Enter en ella para verla):</numerusform>
            <numerusform>%n cosas que revisar antes del viaje (pulse Enter en una para verla):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Use the password and keys for this session only (they are not saved and must be entered again next time)</source>
        <translation>Usar la contraseña y las claves solo durante esta sesión (no se guardan y habrá que volver a introducirlas la próxima vez)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>AI planner</source>
        <translation>Planificador de IA</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Built-in database file on this computer (recommended)</source>
        <translation>Archivo de base de datos integrado en este equipo (recomendado)</translation>
    </message>
    <message>
        <source>PostgreSQL or Neon server</source>
        <translation>Servidor PostgreSQL o Neon</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Archivo de base de datos</translation>
    </message>
    <message>
        <source>Reveal in file manager</source>
        <translation>Mostrar en el gestor de archivos</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Mover a…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Paste a connection string: postgresql://user:password@host/dbname?sslmode=require</source>
        <translation>Pegue una cadena de conexión: postgresql://user:password@host/dbname?sslmode=require</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Usar</translation>
    </message>
    <message>
        <source>Connection string:</source>
        <translation>Cadena de conexión:</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>se guarda en el llavero del sistema</translation>
    </message>
    <message>
        <source>require (encrypted; needed for Neon)</source>
        <translation>require (cifrado; necesario para Neon)</translation>
    </message>
    <message>
        <source>verify-full (encrypted, certificate and host checked)</source>
        <translation>verify-full (cifrado, certificado y host comprobados)</translation>
    </message>
    <message>
        <source>verify-ca (encrypted, certificate checked)</source>
        <translation>verify-ca (cifrado, certificado comprobado)</translation>
    </message>
    <message>
        <source>prefer (encrypted when the server offers it)</source>
        <translation>prefer (cifrado si el servidor lo ofrece)</translation>
    </message>
    <message>
        <source>allow (unencrypted unless the server insists)</source>
        <translation>allow (sin cifrar salvo que el servidor lo exija)</translation>
    </message>
    <message>
        <source>disable (never encrypted)</source>
        <translation>disable (nunca cifrado)</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de datos:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>TLS (sslmode):</source>
        <translation>TLS (sslmode):</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>Cancelar prueba</translation>
    </message>
    <message>
        <source>Built-in offline planner (no account, nothing leaves this computer)</source>
        <translation>Planificador integrado sin conexión (sin cuenta; nada sale de este equipo)</translation>
    </message>
    <message>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <source>OpenAI-compatible endpoint (OpenAI, Ollama, …)</source>
        <translation>Servicio compatible con OpenAI (OpenAI, Ollama, …)</translation>
    </message>
    <message>
        <source>Planner:</source>
        <translation>Planificador:</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL base:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clave de API:</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Probar</translation>
    </message>
    <message>
        <source>The system keychain cannot be used: %1 Passwords and API keys cannot be saved on this computer. They are never written to a file instead; you may use them for this session only.</source>
        <translation>No se puede usar el llavero del sistema: %1 Las contraseñas y las claves de API no se pueden guardar en este equipo. Nunca se escriben en un archivo en su lugar; puede usarlas solo durante esta sesión.</translation>
    </message>
    <message>
        <source>The saved server settings are not valid: %1</source>
        <translation>La configuración guardada del servidor no es válida: %1</translation>
    </message>
    <message>
        <source>Other parameters: %1</source>
        <translation>Otros parámetros: %1</translation>
    </message>
    <message>
        <source>Reading the system keychain…</source>
        <translation>Leyendo el llavero del sistema…</translation>
    </message>
    <message>
        <source>The settings file holds the database password inside database.url. It is not used from there: the file is plain text that anything running under your account can read.</source>
        <translation>El archivo de configuración contiene la contraseña de la base de datos dentro de database.url. No se usa desde ahí: el archivo es texto sin formato que puede leer cualquier programa que se ejecute con su cuenta.</translation>
    </message>
    <message>
        <source>The system keychain cannot be used, so it cannot be kept safely on this computer. You may use it for this session only: the settings file is then rewritten without it, and you enter it again the next time.</source>
        <translation>No se puede usar el llavero del sistema, así que no se puede guardar de forma segura en este equipo. Puede usarla solo durante esta sesión: el archivo de configuración se reescribe entonces sin ella y deberá introducirla de nuevo la próxima vez.</translation>
    </message>
    <message>
        <source>Use it for this session &amp;only</source>
        <translation>Usarla solo durante esta &amp;sesión</translation>
    </message>
    <message>
        <source>Move it to the system keychain, where the app reads it; the settings file is then rewritten without it.</source>
        <translation>Muévala al llavero del sistema, donde la aplicación la lee; el archivo de configuración se reescribe entonces sin ella.</translation>
    </message>
    <message>
        <source>The keychain already holds the same password.</source>
        <translation>El llavero ya contiene la misma contraseña.</translation>
    </message>
    <message>
        <source>The keychain already holds another database password, which is the one in use; moving replaces it.</source>
        <translation>El llavero ya contiene otra contraseña de la base de datos, que es la que está en uso; moverla la sustituirá.</translation>
    </message>
    <message>
        <source>&amp;Move the password to the keychain</source>
        <translation>&amp;Mover la contraseña al llavero</translation>
    </message>
    <message>
        <source>Some values in the settings file (%1) were ignored when the settings were read; the defaults are used instead. Saving here writes valid values over them.</source>
        <translation>Algunos valores del archivo de configuración (%1) se ignoraron al leer la configuración; se usan los valores predeterminados. Al guardar aquí se sobrescriben con valores válidos.</translation>
    </message>
    <message>
        <source>The password was not moved: %1</source>
        <translation>La contraseña no se movió: %1</translation>
    </message>
    <message>
        <source>The password is kept, but the settings file could not be rewritten without it: %1</source>
        <translation>La contraseña se conserva, pero no se pudo reescribir el archivo de configuración sin ella: %1</translation>
    </message>
    <message>
        <source>The database password is used for this session only, and the settings file no longer holds it. Enter it again the next time, or once the keychain works.</source>
        <translation>La contraseña de la base de datos se usa solo durante esta sesión y el archivo de configuración ya no la contiene. Introdúzcala de nuevo la próxima vez o cuando el llavero funcione.</translation>
    </message>
    <message>
        <source>The database password is now in the system keychain, and the settings file no longer holds it.</source>
        <translation>La contraseña de la base de datos está ahora en el llavero del sistema y el archivo de configuración ya no la contiene.</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>predeterminado: %1</translation>
    </message>
    <message>
        <source>Expected a postgresql:// connection string.</source>
        <translation>Se esperaba una cadena de conexión postgresql://.</translation>
    </message>
    <message>
        <source>Connection string applied.</source>
        <translation>Cadena de conexión aplicada.</translation>
    </message>
    <message>
        <source>Connection string applied; its password will be kept in the system keychain.</source>
        <translation>Cadena de conexión aplicada; su contraseña se guardará en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name.</source>
        <translation>Introduzca el nombre del host del servidor.</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>Introduzca el nombre de la base de datos.</translation>
    </message>
    <message>
        <source>Connecting to %1… %2 s (a suspended Neon database takes a few seconds to wake)</source>
        <translation>Conectando con %1… %2 s (una base de datos Neon suspendida tarda unos segundos en activarse)</translation>
    </message>
    <message>
        <source>Waiting for the provider… %1 s</source>
        <translation>Esperando al proveedor… %1 s</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Prueba cancelada.</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>Introduzca primero la clave de API.</translation>
    </message>
    <message>
        <source>Move the database file to</source>
        <translation>Mover el archivo de base de datos a</translation>
    </message>
    <message>
        <source>Database files (*.sqlite3 *.db)</source>
        <translation>Archivos de base de datos (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>The database is in use; the file was not moved.</source>
        <translation>La base de datos está en uso; el archivo no se movió.</translation>
    </message>
    <message>
        <source>Copying the database to %1…</source>
        <translation>Copiando la base de datos a %1…</translation>
    </message>
    <message>
        <source>The database was not moved: %1</source>
        <translation>La base de datos no se movió: %1</translation>
    </message>
    <message>
        <source>The database now lives in %1. The previous file %2 was kept; delete it when you no longer need it.</source>
        <translation>La base de datos está ahora en %1. Se conservó el archivo anterior %2; elimínelo cuando ya no lo necesite.</translation>
    </message>
    <message>
        <source>Not saved: the system keychain is not available. Tick &quot;for this session only&quot; to use the secrets until the app quits, or try again once the keychain is unlocked.</source>
        <translation>No se guardó: el llavero del sistema no está disponible. Marque «solo durante esta sesión» para usar los secretos hasta que se cierre la aplicación, o vuelva a intentarlo cuando el llavero esté desbloqueado.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host and database, or choose the built-in file.</source>
        <translation>Introduzca el host y la base de datos del servidor, o elija el archivo integrado.</translation>
    </message>
    <message>
        <source>PostgreSQL is selected but no server is set.</source>
        <translation>PostgreSQL está seleccionado, pero no se ha definido ningún servidor.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>tp::ui::SettingsFlow</name>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Saved. DATABASE_URL is set in the environment and takes precedence over the settings.</source>
        <translation>Guardado. DATABASE_URL está definida en el entorno y tiene prioridad sobre la configuración.</translation>
    </message>
    <message>
        <source>Trip Planner will now use %1. Restart to connect to it?</source>
        <translation>Trip Planner usará ahora %1. ¿Reiniciar para conectarse?</translation>
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
        <translation>%1 (actual)</translation>
    </message>
    <message>
        <source>%1 (done)</source>
        <translation>%1 (hecho)</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>Progreso: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::StaysEditor</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Nights</source>
        <translation>Noches</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Alojamientos</translation>
    </message>
    <message>
        <source>Per ni&amp;ght</source>
        <translation>Por noc&amp;he</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Pl&amp;ace</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <source>Check-&amp;in</source>
        <translation>Ent&amp;rada</translation>
    </message>
    <message>
        <source>Check-&amp;out</source>
        <translation>&amp;Salida</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>Mone&amp;da</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Precio</translation>
    </message>
    <message>
        <source>Booking &amp;ref</source>
        <translation>Re&amp;ferencia de reserva</translation>
    </message>
    <message>
        <source>Lin&amp;k</source>
        <translation>Enla&amp;ce</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Es&amp;tado</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Booking ref</source>
        <translation>Referencia de reserva</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Ne&amp;w stay</source>
        <translation>Nuevo alo&amp;jamiento</translation>
    </message>
    <message>
        <source>&amp;Save stay</source>
        <translation>&amp;Guardar alojamiento</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>El&amp;iminar</translation>
    </message>
    <message numerus="yes">
        <source>%n nights without a stay: %1</source>
        <translation>
            <numerusform>%n noche sin alojamiento: %1</numerusform>
            <numerusform>%n noches sin alojamiento: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” and “%2” overlap on %3</source>
        <translation>“%1” y “%2” se solapan: %3</translation>
    </message>
    <message>
        <source>Every night of the trip has a stay.</source>
        <translation>Todas las noches del viaje tienen alojamiento.</translation>
    </message>
    <message>
        <source> a night</source>
        <translation> por noche</translation>
    </message>
    <message>
        <source>Edit stay %1</source>
        <translation>Editar alojamiento %1</translation>
    </message>
    <message>
        <source>Add stay %1</source>
        <translation>Añadir alojamiento %1</translation>
    </message>
    <message>
        <source>Remove stay %1</source>
        <translation>Eliminar alojamiento %1</translation>
    </message>
    <message>
        <source>The new stay</source>
        <translation>El alojamiento nuevo</translation>
    </message>
    <message>
        <source>The stay “%1”</source>
        <translation>El alojamiento “%1”</translation>
    </message>
</context>
<context>
    <name>tp::ui::TripEditor</name>
    <message>
        <source>Where to, and why?</source>
        <translation>¿Adónde y por qué?</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>(no destination)</source>
        <translation>(sin destino)</translation>
    </message>
    <message>
        <source>Dest&amp;ination</source>
        <translation>&amp;Destino</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Fecha de fin</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Fechas</translation>
    </message>
    <message>
        <source>e.g. 2500.00</source>
        <translation>p. ej. 2500.00</translation>
    </message>
    <message>
        <source>&amp;Budget</source>
        <translation>&amp;Presupuesto</translation>
    </message>
    <message>
        <source>Tr&amp;avellers</source>
        <translation>Viajer&amp;os</translation>
    </message>
    <message>
        <source>Set stat&amp;us:</source>
        <translation>Cambiar e&amp;stado:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Desc&amp;ription</source>
        <translation>Desc&amp;ripción</translation>
    </message>
    <message>
        <source>Discard c&amp;hanges</source>
        <translation>Descartar cam&amp;bios</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Travellers</source>
        <translation>Viajeros</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>New trip</source>
        <translation>Nuevo viaje</translation>
    </message>
    <message>
        <source>Edit trip</source>
        <translation>Editar viaje</translation>
    </message>
    <message>
        <source>&amp;Create trip</source>
        <translation>&amp;Crear viaje</translation>
    </message>
    <message>
        <source> (now)</source>
        <translation> (actual)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>próximo</translation>
    </message>
    <message>
        <source>past or under way</source>
        <translation>pasado o en curso</translation>
    </message>
    <message>
        <source>Cannot save: %1 %2</source>
        <translation>No se puede guardar: %1 %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Sin cambios.</translation>
    </message>
</context>
<context>
    <name>tp::ui::itinerarytext</name>
    <message>
        <source>Travel</source>
        <translation>Trayecto</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Partida</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source> · night: %1</source>
        <translation> · noche: %1</translation>
    </message>
</context>
<context>
    <name>tp::ui::plan_files</name>
    <message>
        <source>Export to calendar</source>
        <translation>Exportar al calendario</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Archivos iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Not exported: %1 cannot be written (%2).</source>
        <translation>No se exportó: no se puede escribir %1 (%2).</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n events to %1.</source>
        <translation>
            <numerusform>Se exportó %n evento a %1.</numerusform>
            <numerusform>Se exportaron %n eventos a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in the calendar: %1</source>
        <translation>No incluido en el calendario: %1</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>No se exportó: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the itinerary (%n pages) to %1.</source>
        <translation>
            <numerusform>Se escribió el itinerario (%n página) en %1.</numerusform>
            <numerusform>Se escribió el itinerario (%n páginas) en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import into the plan</source>
        <translation>Importar al plan</translation>
    </message>
    <message>
        <source>Calendars and places (*.ics *.gpx *.kml *.geojson *.json);;All files (*)</source>
        <translation>Calendarios y lugares (*.ics *.gpx *.kml *.geojson *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>idea: %1</source>
        <translation>idea: %1</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n features that are not single places</source>
        <translation>
            <numerusform>se omitió %n elemento que no es un lugar individual</numerusform>
            <numerusform>se omitieron %n elementos que no son lugares individuales</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no places to add.</source>
        <translation>%1 no contiene lugares que añadir.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n ideas from %1</source>
        <translation>
            <numerusform>Importar %n idea de %1</numerusform>
            <numerusform>Importar %n ideas de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>omitido: %1</translation>
    </message>
    <message>
        <source>%1 holds no stays, legs or activities to add.</source>
        <translation>%1 no contiene alojamientos, trayectos ni actividades que añadir.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n items from %1</source>
        <translation>
            <numerusform>Importar %n elemento de %1</numerusform>
            <numerusform>Importar %n elementos de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>No se puede importar %1: %2</translation>
    </message>
    <message>
        <source>Recognised in %1:

%2

Add to the plan?</source>
        <translation>Reconocido en %1:

%2

¿Añadir al plan?</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
</context>
</TS>
