using Dapper;
using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Ideas;

/// <summary>A believable German set of participants, ideas, supports and comments for demonstrations.</summary>
public static class IdeaDemoData
{
    private static readonly string[] FirstNames =
    [
        "Anna", "Bernd", "Claudia", "Dieter", "Elif", "Frank", "Gabi", "Hans", "Ines", "Jörg", "Katrin", "Lukas",
        "Maria", "Norbert", "Olga", "Peter", "Ruth", "Stefan", "Tanja", "Uwe", "Vera", "Werner", "Yvonne", "Zoe",
    ];

    private static readonly Dictionary<string, string[]> Titles = new(StringComparer.Ordinal)
    {
        ["wirtschaft"] = ["Digitale Plattform für die Händler in {0}", "Coworking-Space am Bahnhof {0}", "Gewerbeanmeldung online ohne Behördengang", "Regionaler Online-Marktplatz für Hofläden", "Fachkräfteportal für Betriebe im Kreis", "Digitale Sprechstunde der Wirtschaftsförderung"],
        ["tourismus"] = ["Digitale Wanderkarte rund um {0}", "Freies WLAN an Sehenswürdigkeiten in {0}", "Mehrsprachige Audioguides am Rhein", "Gästeführungen online buchen", "Freie Parkplätze an Ausflugszielen in Echtzeit", "Eine App für den Vulkanpark"],
        ["gesundheit"] = ["Telemedizin-Sprechstunde für Dörfer ohne Hausarzt", "Online-Terminvergabe der Arztpraxen in {0}", "Karte aller Defibrillatoren mit Notfall-App", "Bessere Vernetzung der Pflegedienste", "Gesundheitskiosk mit Videoberatung in {0}", "Digitale Nachbarschaftshilfe für ältere Menschen"],
        ["bildung"] = ["Tablet-Ausleihe für Schülerinnen und Schüler in {0}", "Digitalkurse für Seniorinnen und Senioren in {0}", "Glasfaser für alle Schulen im Kreis", "Offene Lernwerkstatt in der Bücherei {0}", "Online-Anmeldung für die Volkshochschule", "Medienkompetenz-Tage an Grundschulen"],
        ["kommunikationsinfrastruktur"] = ["Glasfaser für die Ortsteile von {0}", "Mobilfunklücken an den Landstraßen schließen", "Freies WLAN im Rathaus {0}", "Karte der Funklöcher zum Mitmachen", "LoRaWAN-Netz für Sensoren im ganzen Kreis", "Schnelles Internet für die Gewerbegebiete in {0}"],
        ["verkehr-und-mobilitaet"] = ["Mehr Mobilität auf dem Land: Rufbus per App in {0}", "Echtzeit-Abfahrtszeiten an allen Haltestellen", "Digitale Mitfahrbank für die Dörfer um {0}", "Radwege-Mängel digital melden", "E-Carsharing am Bahnhof {0}", "Parken per Smartphone in der Innenstadt von {0}"],
        ["energie"] = ["Solarkataster für alle Dächer im Kreis", "Intelligente Straßenbeleuchtung in {0}", "Energiemonitoring für öffentliche Gebäude in {0}", "Plattform für Bürgerenergie-Projekte", "Ladesäulenkarte mit Belegung in Echtzeit", "Digitale Beratung zur Wärmepumpe"],
        ["umwelt-und-klima"] = ["Hochwasser-Frühwarnung an kleinen Bächen in {0}", "Wilde Müllkippen per App melden", "Baumkataster mit Gießpatenschaften in {0}", "Luftqualität an Schulen messen", "Müllabfuhr-Erinnerung aufs Handy", "Wetterstationen für die Landwirtschaft"],
        ["digitale-souveraenitaet"] = ["Freie Software in der Kreisverwaltung", "Offene Daten des Kreises zum Herunterladen", "Sprechstunde zu Datenschutz im Alltag in {0}", "Ein Bürgerkonto für alle Online-Dienste", "Kommunale Cloud statt großer Konzerne", "Hilfe beim Online-Ausweis im Bürgerbüro {0}"],
        ["stadt-und-kreisentwicklung"] = ["Digitaler Bauantrag für {0}", "3D-Stadtmodell für die Planung in {0}", "Leerstandsbörse für Ladenlokale in {0}", "Online-Beteiligung bei Bebauungsplänen", "Digitale Dorfplattform für Vereine in {0}", "Bänke mit Ladestation am Marktplatz {0}"],
    };

    private static readonly string[] Openings =
    [
        "In {0} erlebe ich immer wieder, dass das heute noch viel zu umständlich ist.",
        "Viele Menschen in {0} wünschen sich hier seit Jahren eine einfache Lösung.",
        "Bei uns in {0} fehlt so etwas bisher ganz.",
        "Ich wohne in {0} und sehe hier großes Potenzial für die Digitalisierung.",
    ];

    private static readonly string[] Middles =
    [
        "Andere Landkreise zeigen, dass es mit überschaubarem Aufwand geht, wenn Kreis und Gemeinden zusammenarbeiten.",
        "Wichtig wäre, dass auch ältere Menschen ohne Smartphone davon profitieren, etwa über eine Telefonnummer oder das Bürgerbüro.",
        "Die Daten sollten offen und datensparsam sein, damit Vereine und Betriebe darauf aufbauen können.",
        "Man könnte mit einem Pilotprojekt in einer Verbandsgemeinde starten und es dann auf den ganzen Kreis ausweiten.",
        "Gerade im ländlichen Raum würden dadurch viele Wege mit dem Auto wegfallen.",
    ];

    private static readonly string[] Closings =
    [
        "Ich würde mich freuen, wenn die Idee in die Strategie aufgenommen wird.",
        "Gerne helfe ich bei der Umsetzung mit.",
        "Was meinen die anderen dazu?",
        "Das wäre ein echter Gewinn für unsere Region.",
    ];

    private static readonly string[] CommentTexts =
    [
        "Gute Idee, das würde ich sofort nutzen!",
        "Bei uns im Ort wäre das auch dringend nötig.",
        "Wer soll das bezahlen? Ich fände es gut, vorher die Kosten zu kennen.",
        "In der Nachbargemeinde gibt es so etwas schon, dort funktioniert es gut.",
        "Bitte auch an die Menschen denken, die kein Smartphone haben.",
        "Unterstütze ich. Wichtig ist, dass die Daten in der Region bleiben.",
        "Vielleicht könnte man das mit den Vereinen vor Ort zusammen aufbauen.",
        "Das ist seit Jahren überfällig.",
    ];

    private static readonly string[] Answers =
    [
        "Vielen Dank für Ihre Idee. Die Stabsstelle Smart City prüft derzeit mit den Fachbereichen, ob und wie sie umgesetzt werden kann. Wir melden uns mit dem Ergebnis.",
        "Ihre Idee ist in den Entwurf der Digitalstrategie eingeflossen. Sie wird dort als Maßnahme im Handlungsfeld beschrieben und im Kreistag beraten.",
        "Die Idee wurde in einem Pilotprojekt umgesetzt. Vielen Dank für Ihre Anregung!",
        "Vielen Dank für Ihren Vorschlag. Nach Prüfung ist eine Umsetzung derzeit leider nicht möglich, weil die Zuständigkeit nicht beim Landkreis liegt. Wir haben die Idee an die zuständige Stelle weitergegeben.",
    ];

    /// <summary>Inserts the data set in one transaction. Returns the number of ideas created.</summary>
    public static async Task<int> SeedAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, int participants = 300, int ideas = 240)
    {
        var random = new Random(2026);
        var municipalities = (await connection.QueryAsync<(string Id, string ShortName)>(
            "SELECT id, short_name FROM municipalities ORDER BY position", transaction: transaction)).ToList();
        var towns = municipalities.Where(m => m.Id != "kreis").ToList();

        var participantIds = new List<long>();
        for (var i = 0; i < participants; i++)
        {
            var home = towns[random.Next(towns.Count)];
            var name = random.Next(4) == 0 ? null : $"{FirstNames[random.Next(FirstNames.Length)]} aus {home.ShortName}";
            var created = now.AddDays(-random.Next(10, 150)).AddMinutes(-random.Next(1440));
            participantIds.Add(await connection.ExecuteScalarAsync<long>("""
                INSERT INTO participants (email, display_name, municipality_id, email_confirmed_at, privacy_version, privacy_accepted_at, created_at, last_sign_in_at)
                VALUES (@Email, @Name, @Municipality, @Created, '2026-11', @Created, @Created, @Created)
                RETURNING id
                """, new { Email = $"demo-{i + 1:000}@example.org", Name = name, Municipality = home.Id, Created = created }, transaction));
        }

        var fields = Titles.Keys.ToList();
        for (var i = 0; i < ideas; i++)
        {
            var field = fields[i % fields.Count];
            var place = random.Next(6) == 0 ? municipalities.Single(m => m.Id == "kreis") : towns[random.Next(towns.Count)];
            var placeName = place.Id == "kreis" ? "Mayen-Koblenz" : place.ShortName;
            var titles = Titles[field];
            var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, titles[(i / fields.Count) % titles.Length], placeName);
            var body = string.Join("\n\n",
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Openings[random.Next(Openings.Length)], placeName) + " " + Middles[random.Next(Middles.Length)],
                Middles[random.Next(Middles.Length)] + " " + Closings[random.Next(Closings.Length)]);
            var roll = random.Next(100);
            var state = roll < 84 ? IdeaStates.Published : roll < 93 ? IdeaStates.Pending : roll < 98 ? IdeaStates.Rejected : IdeaStates.Hidden;
            var answerRoll = random.Next(100);
            var answer = state != IdeaStates.Published || answerRoll < 58 ? null
                : answerRoll < 74 ? "in_review" : answerRoll < 87 ? "adopted" : answerRoll < 93 ? "implemented" : "not_feasible";
            var created = now.AddDays(-random.Next(1, 120)).AddMinutes(-random.Next(1440));
            // A hidden idea was published before a moderator hid it, as on the site: it keeps its publishing time (a day after
            // submission, so that the random sequence, and with it the rest of the data set, stays as it was).
            var published = state == IdeaStates.Published ? created.AddHours(random.Next(2, 72))
                : state == IdeaStates.Hidden ? created.AddDays(1) : (DateTimeOffset?)null;
            if (published > now)
            {
                published = now;
            }

            var author = participantIds[random.Next(participantIds.Count)];
            var ideaId = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO ideas (author_id, title, body, field_id, municipality_id, state, answer_status, official_answer,
                                   answered_at, created_at, published_at)
                VALUES (@Author, @Title, @Body, @Field, @Municipality, @State, @Answer, @AnswerText, @AnsweredAt, @Created, @Published)
                RETURNING id
                """, new
            {
                Author = author,
                Title = title,
                Body = body,
                Field = field,
                Municipality = place.Id,
                State = state,
                Answer = answer,
                AnswerText = answer switch
                {
                    "in_review" => Answers[0],
                    "adopted" => Answers[1],
                    "implemented" => Answers[2],
                    "not_feasible" => Answers[3],
                    _ => null,
                },
                AnsweredAt = answer is null ? (DateTimeOffset?)null : Min(published!.Value.AddDays(random.Next(1, 20)), now),
                Created = created,
                Published = published,
            }, transaction);

            if (state != IdeaStates.Published)
            {
                continue;
            }

            var supporters = participantIds.Where(p => p != author).OrderBy(_ => random.Next()).Take(random.Next(0, 61)).ToList();
            foreach (var supporter in supporters)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO idea_supports (idea_id, participant_id, created_at) VALUES (@Idea, @Participant, @At)",
                    new { Idea = ideaId, Participant = supporter, At = Min(published!.Value.AddHours(random.Next(1, 500)), now) }, transaction);
            }

            var comments = random.Next(0, 7);
            for (var c = 0; c < comments; c++)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO idea_comments (idea_id, author_id, body, created_at) VALUES (@Idea, @Author, @Body, @At)",
                    new { Idea = ideaId, Author = participantIds[random.Next(participantIds.Count)], Body = CommentTexts[random.Next(CommentTexts.Length)], At = Min(published!.Value.AddHours(c + 1), now) }, transaction);
            }

            await connection.ExecuteAsync(
                "UPDATE ideas SET supporters = @Supporters, comments = @Comments WHERE id = @Id",
                new { Supporters = supporters.Count, Comments = comments, Id = ideaId }, transaction);
        }

        return ideas;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
