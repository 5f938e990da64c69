using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Data;

namespace MYK10.Participation.Ballots;

/// <summary>
/// Demo votes on believable measures of the strategy: one open budget vote, and closed approval, ranking and points
/// votes with ballots from across the county and published results. The ballots come from a fixed random seed,
/// so every demo database shows the same results.
/// </summary>
public static class VoteDemoData
{
    private static readonly string[] Municipalities =
        ["andernach", "bendorf", "mayen", "maifeld", "mendig", "pellenz", "rhein-mosel", "vallendar", "vordereifel", "weissenthurm"];

    /// <summary>Creates the demo votes unless votes exist already; returns the ids created (empty when skipped).</summary>
    public static async Task<IReadOnlyList<long>> SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = services.GetRequiredService<VoteStore>();
        if ((await store.ListAsync(publishedOnly: false, cancellationToken)).Count > 0)
        {
            return [];
        }

        var connections = services.GetRequiredService<IDbConnectionFactory>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var random = new Random(2026);
        var ids = new List<long>
        {
            await CreateAsync(connections, OpenBudgetVote(now), now, random, ballots: 0),
            await CreateAsync(connections, ClosedApprovalVote(now), now, random, ballots: 184),
            await CreateAsync(connections, ClosedRankingVote(now), now, random, ballots: 137),
            await CreateAsync(connections, ClosedPointsVote(now), now, random, ballots: 96),
        };

        var tally = services.GetRequiredService<VoteTallyJob>();
        foreach (var id in ids.Skip(1))
        {
            await tally.RunAsync(id, cancellationToken);
        }

        return ids;
    }

    private static VoteDraft OpenBudgetVote(DateTimeOffset now) => new(
        "Kreisbudget Smart Region 2027: Welche Maßnahmen zuerst?",
        "Für die erste Umsetzungsphase der Strategie „MYK10 – Netzwerk in Region“ stehen 750.000 € bereit. " +
        "Wählen Sie die Maßnahmen, die zuerst umgesetzt werden sollen – zusammen höchstens 750.000 € und mindestens die Hälfte davon. " +
        "Ausgewertet wird mit der Methode der gleichen Anteile, damit auch kleinere Gruppen mit gemeinsamen Anliegen zum Zug kommen.",
        "kreis", now - TimeSpan.FromDays(7), now + TimeSpan.FromDays(21), VoteMethod.Budget,
        [
            new("Digitale Bürgerdienste für alle zehn Mitgliedskommunen", "Anträge rund um die Uhr online stellen: Meldebescheinigung, Anwohnerparken, Sperrmüll – mit einem Konto für den ganzen Kreis.", 180_000),
            new("Öffentliches WLAN an Bahnhöfen und Rheinufern", "Freies WLAN an den Bahnhöfen Andernach, Mayen und Bendorf sowie an den Rheinanlagen.", 95_000),
            new("Sensorgestützte Parkplatzsuche in Andernach und Mayen", "Freie Parkplätze in den Innenstädten in Echtzeit auf einer Karte, weniger Parksuchverkehr.", 120_000),
            new("Smarte Straßenbeleuchtung im Pilotquartier Bendorf", "Leuchten, die bei Bedarf heller werden: weniger Strom, mehr Sicherheit auf Fußwegen.", 140_000),
            new("Mitfahrbänke mit digitaler Anzeige in der Vordereifel", "Wer mitgenommen werden möchte, wählt das Ziel; die Anzeige zeigt es den Vorbeifahrenden.", 45_000),
            new("Hochwasser-Frühwarnsensoren an Nette und Elz", "Pegelsensoren melden steigende Wasserstände früh an Feuerwehr und Anwohnende.", 160_000),
            new("Digitale Lernwerkstätten in Schulen der Pellenz", "Werkstätten mit 3D-Druckern, Robotik-Sets und Fortbildung für Lehrkräfte.", 110_000),
            new("Energie-Monitoring kreiseigener Gebäude", "Zähler und Auswertung für Schulen und Verwaltungsgebäude, um Energie gezielt zu sparen.", 85_000),
        ],
        Budget: 750_000, MinBudgetSharePercent: 50, Rule: AllocationRule.EqualShares);

    private static VoteDraft ClosedApprovalVote(DateTimeOffset now) => new(
        "Mobilität auf dem Land: Welche Projekte fördern wir 2026?",
        "Bis zu drei Projekte konnten gewählt werden. 300.000 € standen bereit; verteilt wurde nach Stimmen (Greedy): " +
        "das Projekt mit den meisten Stimmen zuerst, solange das Geld reicht.",
        "kreis", now - TimeSpan.FromDays(60), now - TimeSpan.FromDays(30), VoteMethod.Approval,
        [
            new("Rufbus am Abend zwischen Mayen und Mendig", "Ein Bus auf Bestellung nach 20 Uhr, per App oder Telefon.", 120_000),
            new("Sichere Radwege zu Schulen im Maifeld", "Markierungen, Querungshilfen und Beleuchtung auf den Schulwegen.", 90_000),
            new("Carsharing mit E-Autos an fünf Rathäusern", "Dienstwagen, die abends und am Wochenende alle nutzen können.", 75_000),
            new("Echtzeit-Anzeigen an Bushaltestellen", "Anzeigen an den 40 meistgenutzten Haltestellen im Kreis.", 60_000),
            new("Fahrradboxen an Pendlerparkplätzen", "Abschließbare Boxen mit Lademöglichkeit für E-Bikes.", 35_000),
        ],
        MaxChoices: 3, Budget: 300_000, Rule: AllocationRule.Greedy, Visibility: ResultVisibility.Live);

    private static VoteDraft ClosedRankingVote(DateTimeOffset now) => new(
        "Digitale Souveränität: In welcher Reihenfolge gehen wir vor?",
        "Bis zu drei Maßnahmen konnten in eine Reihenfolge gebracht werden. Gezählt wurde nach Borda: der erste Platz erhält drei Punkte, der zweite zwei, der dritte einen.",
        "kreis", now - TimeSpan.FromDays(45), now - TimeSpan.FromDays(14), VoteMethod.Ranking,
        [
            new("Offene Software in den Verwaltungen", "Schrittweiser Umstieg auf quelloffene Bürosoftware.", null),
            new("Kommunales Rechenzentrum im Verbund", "Daten der Kommunen auf Servern in der Region statt bei fremden Anbietern.", null),
            new("Offene Daten des Kreises", "Haushalt, Verkehrszahlen und Umweltdaten als offene Daten zum Herunterladen.", null),
            new("Digitalkurse für Seniorinnen und Senioren", "Kurse in Bürgerhäusern und Bibliotheken in allen Verbandsgemeinden.", null),
        ],
        MaxChoices: 3);

    private static VoteDraft ClosedPointsVote(DateTimeOffset now) => new(
        "Tourismus und Kultur: Wohin sollen die Punkte gehen?",
        "Zehn Punkte konnten verteilt werden, höchstens fünf je Maßnahme.",
        "kreis", now - TimeSpan.FromDays(90), now - TimeSpan.FromDays(70), VoteMethod.Points,
        [
            new("Digitale Wanderkarte Vulkaneifel und Rhein", "Touren mit Einkehr, Haltestellen und Barrierefreiheit in einer App.", null),
            new("Virtueller Rundgang durch die Genovevaburg", "Die Burg in Mayen auch für Menschen, die nicht hinaufkommen.", null),
            new("Buchbare Gästeführungen online", "Führungen in allen Mitgliedskommunen an einem Ort buchen.", null),
        ],
        TotalPoints: 10, MaxPointsPerOption: 5);

    private static async Task<long> CreateAsync(IDbConnectionFactory connections, VoteDraft draft, DateTimeOffset now, Random random, int ballots)
    {
        var problems = VoteDrafts.Check(draft);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Demo vote '{draft.Title}' is invalid: {string.Join(", ", problems)}.");
        }

        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var id = await VoteStore.InsertAsync(connection, transaction, draft, published: true, imported: false, now);
        var optionIds = (await VoteStore.OptionIdsAsync(connection, transaction, id)).ToList();
        var generated = Enumerable.Range(0, ballots)
            .Select(_ => ((string?)null, (string?)Municipalities[random.Next(Municipalities.Length)], Ballot(draft, optionIds, random)))
            .ToList();
        await VoteStore.InsertAnonymousBallotsAsync(connection, transaction, id, generated, draft.ClosesAt - TimeSpan.FromDays(1));
        transaction.Commit();
        return id;
    }

    /// <summary>A plausible ballot: earlier options are a little more popular, so the results are clear but not unanimous.</summary>
    private static IReadOnlyList<BallotChoice> Ballot(VoteDraft draft, List<long> optionIds, Random random)
    {
        var preference = optionIds.OrderBy(id => random.NextDouble() * (1 + optionIds.IndexOf(id) * 0.35)).ToList();
        switch (draft.Method)
        {
            case VoteMethod.Approval:
                var count = 1 + random.Next(draft.MaxChoices!.Value);
                return preference.Take(count).Select(id => new BallotChoice(id, 1)).ToList();
            case VoteMethod.Ranking:
                var ranks = 1 + random.Next(draft.MaxChoices!.Value);
                return preference.Take(ranks).Select((id, i) => new BallotChoice(id, i + 1)).ToList();
            case VoteMethod.Points:
                var first = 3 + random.Next(3);
                return [new(preference[0], first), new(preference[1], 10 - first > 5 ? 5 : 10 - first)];
            default:
                throw new InvalidOperationException("The demo creates ballots for approval, ranking and points votes only.");
        }
    }
}
