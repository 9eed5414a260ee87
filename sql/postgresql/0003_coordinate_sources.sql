-- Where a destination's coordinates came from, and the online geocoder's
-- answers. Both tables are this app's own, beside the seed's schema: the web
-- app neither reads nor needs them, and a destination the web app deletes takes
-- its row here with it (ON DELETE CASCADE).
--
-- The coordinates are stored again with their source: when the web app (or
-- anything else) changes a destination's coordinates, the row no longer
-- matches and the app shows the source as unknown rather than a wrong one.
CREATE TABLE tripplanner_coordinate_source (
    destination_id bigint NOT NULL PRIMARY KEY
        REFERENCES api_destination (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    source varchar(20) NOT NULL CHECK (source IN ('typed', 'map', 'gazetteer', 'country_centre',
        'nominatim', 'model', 'catalogue')),
    latitude numeric(9, 6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude numeric(9, 6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    detail varchar(300) NOT NULL DEFAULT '',
    recorded_at timestamp with time zone NOT NULL
);

-- Online geocoder answers, kept so that the same question is never sent twice
-- within the cache's lifetime (the Nominatim usage policy asks for caching).
-- A question is the server asked, the answers' language, the text (case-folded,
-- accents kept: Münster is not Munster) and the country it was limited to.
-- `results` is a JSON array, '[]' when the service found nothing.
CREATE TABLE tripplanner_geocode_cache (
    server varchar(200) NOT NULL,
    language varchar(35) NOT NULL DEFAULT '',
    query varchar(200) NOT NULL,
    country_code varchar(2) NOT NULL DEFAULT '',
    results text NOT NULL,
    fetched_at timestamp with time zone NOT NULL,
    PRIMARY KEY (server, language, query, country_code)
);
