-- Where a destination's coordinates came from, and the online geocoder's
-- answers: the same tables as sql/postgresql/0003 (see there for why).
-- Migration numbers are shared by both engines; 0002 exists only for
-- PostgreSQL, whose foreign keys SQLite's 0001 already creates as the seed wants.
CREATE TABLE tripplanner_coordinate_source (
    destination_id integer NOT NULL PRIMARY KEY
        REFERENCES api_destination (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    source varchar(20) NOT NULL CHECK (source IN ('typed', 'map', 'gazetteer', 'country_centre',
        'nominatim', 'model', 'catalogue')),
    latitude text NOT NULL CHECK (CAST(latitude AS REAL) BETWEEN -90 AND 90),
    longitude text NOT NULL CHECK (CAST(longitude AS REAL) BETWEEN -180 AND 180),
    detail varchar(300) NOT NULL DEFAULT '',
    recorded_at text NOT NULL
);

CREATE TABLE tripplanner_geocode_cache (
    server varchar(200) NOT NULL,
    language varchar(35) NOT NULL DEFAULT '',
    query varchar(200) NOT NULL,
    country_code varchar(2) NOT NULL DEFAULT '',
    results text NOT NULL,
    fetched_at text NOT NULL,
    PRIMARY KEY (server, language, query, country_code)
);
