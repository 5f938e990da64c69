-- Reference data of MYK10 "Network in Region": the ten member towns and municipal associations
-- of the district of Mayen-Koblenz plus the district itself, and the strategy's fields of action.

CREATE TABLE municipalities (
    id         TEXT    NOT NULL PRIMARY KEY CHECK (id GLOB '[a-z]*' AND length(id) <= 40),
    name       TEXT    NOT NULL UNIQUE,
    short_name TEXT    NOT NULL UNIQUE,
    kind       TEXT    NOT NULL CHECK (kind IN ('stadt', 'verbandsgemeinde', 'landkreis')),
    position   INTEGER NOT NULL UNIQUE
) STRICT;

INSERT INTO municipalities (id, name, short_name, kind, position) VALUES
    ('andernach',    'Stadt Andernach',                 'Andernach',    'stadt',            1),
    ('bendorf',      'Stadt Bendorf',                   'Bendorf',      'stadt',            2),
    ('mayen',        'Stadt Mayen',                     'Mayen',        'stadt',            3),
    ('maifeld',      'Verbandsgemeinde Maifeld',        'Maifeld',      'verbandsgemeinde', 4),
    ('mendig',       'Verbandsgemeinde Mendig',         'Mendig',       'verbandsgemeinde', 5),
    ('pellenz',      'Verbandsgemeinde Pellenz',        'Pellenz',      'verbandsgemeinde', 6),
    ('rhein-mosel',  'Verbandsgemeinde Rhein-Mosel',    'Rhein-Mosel',  'verbandsgemeinde', 7),
    ('vallendar',    'Verbandsgemeinde Vallendar',      'Vallendar',    'verbandsgemeinde', 8),
    ('vordereifel',  'Verbandsgemeinde Vordereifel',    'Vordereifel',  'verbandsgemeinde', 9),
    ('weissenthurm', 'Verbandsgemeinde Weißenthurm',    'Weißenthurm',  'verbandsgemeinde', 10),
    ('kreis',        'Landkreis Mayen-Koblenz',         'Mayen-Koblenz', 'landkreis',       11);

CREATE TABLE fields_of_action (
    id       TEXT    NOT NULL PRIMARY KEY CHECK (id GLOB '[a-z]*' AND length(id) <= 40),
    name     TEXT    NOT NULL UNIQUE,
    position INTEGER NOT NULL UNIQUE
) STRICT;

INSERT INTO fields_of_action (id, name, position) VALUES
    ('wirtschaft',                  'Wirtschaft',                   1),
    ('tourismus',                   'Tourismus',                    2),
    ('gesundheit',                  'Gesundheit',                   3),
    ('bildung',                     'Bildung',                      4),
    ('kommunikationsinfrastruktur', 'Kommunikationsinfrastruktur',  5),
    ('verkehr-und-mobilitaet',      'Verkehr und Mobilität',        6),
    ('energie',                     'Energie',                      7),
    ('umwelt-und-klima',            'Umwelt und Klima',             8),
    ('digitale-souveraenitaet',     'Digitale Souveränität',        9),
    ('stadt-und-kreisentwicklung',  'Stadt- und Kreisentwicklung', 10);
