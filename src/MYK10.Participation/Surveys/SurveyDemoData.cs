using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Surveys;

public sealed record SurveyDemoResult(long OpenSurveyId, long ClosedSurveyId, long DraftSurveyId, int Responses);

/// <summary>
/// Believable surveys of the strategy process for the demo data set: mobility (open), broadband and mobile
/// coverage (closed, with responses and published results) and digital services of the Kreisverwaltung (draft).
/// </summary>
public sealed class SurveyDemoData(IDbConnectionFactory connections, SurveyStore surveys, SurveyBuilder builder, SurveyResponder responder,
    SurveyResultsJob results, SurveyResultsStore resultsStore, TimeProvider clock)
{
    private static readonly string[] Municipalities =
        ["andernach", "bendorf", "mayen", "maifeld", "mendig", "pellenz", "rhein-mosel", "vallendar", "vordereifel", "weissenthurm"];

    /// <summary>Creates the three surveys unless the database already has surveys; returns null then.</summary>
    public async Task<SurveyDemoResult?> SeedAsync(int responses = 120, int seed = 2026, CancellationToken cancellationToken = default)
    {
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM surveys") > 0)
            {
                return null;
            }
        }

        var now = clock.GetUtcNow();
        var closed = await BroadbandAsync(now, cancellationToken);
        var random = new Random(seed);
        var definition = (await surveys.LoadAsync(closed, cancellationToken))!;
        for (var i = 0; i < responses; i++)
        {
            var result = await responder.SubmitAsync(closed, new Respondent.Browser(SurveyResponder.NewToken()), BroadbandAnswers(definition, random),
                random.Next(10) == 0 ? null : Municipalities[random.Next(Municipalities.Length)], cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo response rejected: {result.Status} {string.Join(", ", result.Errors.Select(e => e.Code))}");
            }
        }

        // The demo closes the survey itself and computes at once: the seed command runs without a job server.
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync("UPDATE surveys SET status = 'closed', closes_at = @Now, updated_at = @Now WHERE id = @Id",
                new { Id = closed, Now = clock.GetUtcNow() });
        }

        await results.RunAsync(closed, cancellationToken);
        await builder.PublishResultsAsync(closed, true, cancellationToken: cancellationToken);
        var texts = await resultsStore.FreeTextsAsync(closed, cancellationToken);
        foreach (var text in texts.Where(t => t.Text.Length > 20).Take(6))
        {
            await builder.PublishTextAsync(closed, text.QuestionId, text.ResponseId, true, cancellationToken: cancellationToken);
        }

        await results.RunAsync(closed, cancellationToken);
        var open = await MobilityAsync(now, cancellationToken);
        await results.RunAsync(open, cancellationToken);
        var draft = await DigitalServicesAsync(cancellationToken);
        return new SurveyDemoResult(open, closed, draft, responses);
    }

    private async Task<long> BroadbandAsync(DateTimeOffset now, CancellationToken ct)
    {
        var id = await builder.CreateAsync(new SurveyInput(
            "Breitband und Mobilfunk in Mayen-Koblenz",
            "Wie gut sind Sie zu Hause und unterwegs angebunden? Ihre Antworten fließen in das Handlungsfeld Kommunikationsinfrastruktur der Smart-Region-Strategie ein. Die Umfrage dauert etwa fünf Minuten und ist anonym.",
            "kreis", now.AddDays(-40), null, SurveyMode.Open, true,
            "Vielen Dank! Die Ergebnisse veröffentlichen wir nach Ende der Umfrage hier auf der Plattform."), cancellationToken: ct);
        var page1 = await FirstPageAsync(id, "Ihr Anschluss", ct);
        await Q(id, page1, QuestionKind.Single, "Wie sind Sie zu Hause mit dem Internet verbunden?", required: true,
            settings: new QuestionSettings { Options = Options("Glasfaser bis in die Wohnung", "Kabelanschluss", "DSL oder VDSL", "Mobilfunk (LTE oder 5G)", "Satellit", "Kein Internetanschluss") }, ct: ct);
        await Q(id, page1, QuestionKind.Rating, "Wie zufrieden sind Sie mit Ihrer Internetverbindung zu Hause?", required: true,
            settings: new QuestionSettings { ScaleMax = 5, LowLabel = "sehr unzufrieden", HighLabel = "sehr zufrieden" }, ct: ct);
        var gaps = await Q(id, page1, QuestionKind.YesNo, "Gibt es an Ihrem Wohnort Funklöcher im Mobilfunknetz?", required: true, ct: ct);
        var where = await Q(id, page1, QuestionKind.ShortText, "Wo liegen die Funklöcher, die Sie am meisten stören?",
            help: "Zum Beispiel ein Ortsteil, eine Straße oder ein Streckenabschnitt.", ct: ct);
        await builder.AddConditionAsync(id, null, where, gaps, ConditionOperator.EqualTo, "", ["yes"], cancellationToken: ct);

        var page2 = (await builder.AddPageAsync(id, "Was Ihnen wichtig ist", cancellationToken: ct)).Id!.Value;
        await Q(id, page2, QuestionKind.Multiple, "Wofür brauchen Sie schnelles Internet am meisten?", help: "Bitte wählen Sie bis zu drei Antworten.",
            settings: new QuestionSettings
            {
                Options = Options("Arbeit im Homeoffice", "Schule, Ausbildung und Studium", "Streaming und Unterhaltung", "Arzttermine per Video", "Vereine und Ehrenamt"),
                AllowOther = true,
                MaxSelections = 3,
            }, ct: ct);
        await Q(id, page2, QuestionKind.Ranking, "Was sollte beim Ausbau zuerst kommen? Bringen Sie die Ziele in Ihre Reihenfolge.",
            settings: new QuestionSettings { Options = Options("Glasfaser bis ins Haus", "Mobilfunk an Straßen und Bahnstrecken", "Freies WLAN in den Ortskernen", "Schulen und Kitas zuerst") }, ct: ct);
        await Q(id, page2, QuestionKind.LongText, "Was möchten Sie uns zum Netzausbau noch mitgeben?", settings: new QuestionSettings { MaxLength = 1000 }, ct: ct);
        await builder.OpenAsync(id, cancellationToken: ct);
        return id;
    }

    private async Task<long> MobilityAsync(DateTimeOffset now, CancellationToken ct)
    {
        var id = await builder.CreateAsync(new SurveyInput(
            "Mobilität im ländlichen Raum",
            "Bus, Rad, Auto oder Rufbus: Wie kommen Sie zur Arbeit, zum Einkaufen und zum Arzt? Mit Ihren Antworten planen Kreis und Verbandsgemeinden die Mobilitätsangebote der Smart Region.",
            "kreis", now.AddDays(-3), now.AddDays(25), SurveyMode.Open, true,
            "Vielen Dank für Ihre Teilnahme! Die Ergebnisse erscheinen nach Ende der Umfrage auf dieser Plattform."), cancellationToken: ct);
        var page1 = await FirstPageAsync(id, "Ihre Wege", ct);
        await Q(id, page1, QuestionKind.Single, "Wie legen Sie Ihre täglichen Wege meistens zurück?", required: true,
            settings: new QuestionSettings { Options = Options("Mit dem Auto", "Mit Bus oder Bahn", "Mit dem Fahrrad oder E-Bike", "Zu Fuß", "Mit einer Mitfahrgelegenheit") }, ct: ct);
        await Q(id, page1, QuestionKind.Number, "Wie viele Minuten brauchen Sie zu Fuß bis zur nächsten Bushaltestelle?",
            settings: new QuestionSettings { Min = 0, Max = 180, IntegerOnly = true }, ct: ct);
        var page2 = (await builder.AddPageAsync(id, "Angebote vor Ort", cancellationToken: ct)).Id!.Value;
        await Q(id, page2, QuestionKind.Matrix, "Wie beurteilen Sie diese Angebote an Ihrem Wohnort?",
            settings: new QuestionSettings
            {
                Rows = [new("r1", "Busverbindungen am Abend"), new("r2", "Radwege zwischen den Orten"), new("r3", "Park-and-Ride-Plätze"), new("r4", "Carsharing")],
                Scale = ["sehr schlecht", "eher schlecht", "teils, teils", "eher gut", "sehr gut"],
            }, ct: ct);
        await Q(id, page2, QuestionKind.YesNo, "Würden Sie einen Rufbus nutzen, den Sie per App oder Telefon bestellen?", ct: ct);
        await builder.OpenAsync(id, cancellationToken: ct);
        return id;
    }

    private async Task<long> DigitalServicesAsync(CancellationToken ct)
    {
        var id = await builder.CreateAsync(new SurveyInput(
            "Digitale Dienste der Kreisverwaltung",
            "Welche Behördengänge möchten Sie künftig online erledigen? Diese Umfrage richtet sich an ein Bürgerpanel, das per Einladungscode teilnimmt.",
            "kreis", null, null, SurveyMode.Codes, true, "Vielen Dank für Ihre Unterstützung!"), cancellationToken: ct);
        var page1 = await FirstPageAsync(id, "Online-Dienste", ct);
        await Q(id, page1, QuestionKind.Info, "Ihre Angaben sind anonym. Der Einladungscode wird nicht mit Ihren Antworten gespeichert.", ct: ct);
        await Q(id, page1, QuestionKind.Multiple, "Welche Anliegen würden Sie gern online erledigen?",
            settings: new QuestionSettings { Options = Options("Kfz-Zulassung", "Bauantrag", "Wohngeld", "Führerschein", "Termin im Bürgerbüro"), MinSelections = 1 }, ct: ct);
        await Q(id, page1, QuestionKind.Rating, "Wie wahrscheinlich ist es, dass Sie Online-Dienste der Kreisverwaltung nutzen?",
            settings: new QuestionSettings { ScaleMax = 10, LowLabel = "sehr unwahrscheinlich", HighLabel = "sehr wahrscheinlich" }, ct: ct);
        await Q(id, page1, QuestionKind.Dropdown, "Welches Gerät nutzen Sie dafür am ehesten?",
            settings: new QuestionSettings { Options = Options("Smartphone", "Tablet", "Computer oder Laptop", "Ich nutze keine Online-Dienste") }, ct: ct);
        await Q(id, page1, QuestionKind.Date, "Wann waren Sie zuletzt persönlich in der Kreisverwaltung?", ct: ct);
        await Q(id, page1, QuestionKind.Consent, "Ich bin einverstanden, dass meine Antworten anonym ausgewertet werden.", required: true, ct: ct);
        return id;
    }

    private static AnswerSet BroadbandAnswers(SurveyDefinition definition, Random random)
    {
        var q = definition.OrderedQuestions().ToList();
        var answers = new AnswerSet();
        var connection = Weighted(random, [20, 25, 35, 12, 3, 5]);
        answers.Set(q[0].Id, $"o{connection}");
        answers.Set(q[1].Id, (connection == 1 ? random.Next(4, 6) : Math.Clamp(random.Next(1, 5) + (connection <= 3 ? 1 : 0), 1, 5)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var gaps = random.Next(100) < 62;
        answers.Set(q[2].Id, gaps ? "yes" : "no");
        if (gaps && random.Next(3) == 0)
        {
            answers.Set(q[3].Id, Pick(random, "Zwischen Polch und Münstermaifeld", "Im Brohltal bei Burgbrohl", "An der B 256 Richtung Mendig",
                "Ortsteil Kehrig, vor allem im Haus", "Bahnstrecke zwischen Andernach und Mayen", "Entlang der Mosel bei Kobern-Gondorf"));
        }

        var uses = new Dictionary<string, string>();
        foreach (var option in Enumerable.Range(1, 5).OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            uses[$"o{option}"] = "1";
        }

        answers.Set(q[4].Id, uses);
        if (random.Next(4) > 0)
        {
            var order = Enumerable.Range(1, 4).OrderBy(i => random.Next() + (i == 1 ? -400_000_000 : 0)).ToList();
            answers.Set(q[5].Id, order.Select((option, rank) => (option, rank)).ToDictionary(x => $"o{x.option}", x => (x.rank + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (random.Next(5) == 0)
        {
            answers.Set(q[6].Id, Pick(random,
                "Bitte beim Ausbau die kleinen Ortsteile nicht vergessen, dort arbeiten inzwischen viele im Homeoffice.",
                "Die Baustellen für die Glasfaser sollten besser mit den Straßenarbeiten abgestimmt werden.",
                "Schnelles Internet ist für unseren Handwerksbetrieb auf dem Land inzwischen wichtiger als die Straße.",
                "Mehr Informationen, wann der Ausbau in meinem Ort geplant ist, wären hilfreich.",
                "Freies WLAN am Bahnhof und in den Bussen würde den Pendlern sehr helfen."));
        }

        return answers;
    }

    private static int Weighted(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i + 1;
            }
        }

        return weights.Length;
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];

    private static List<Choice> Options(params string[] labels) => labels.Select((l, i) => new Choice($"o{i + 1}", l)).ToList();

    private async Task<long> FirstPageAsync(long surveyId, string title, CancellationToken ct)
    {
        var definition = (await surveys.LoadAsync(surveyId, ct))!;
        var page = definition.Pages[0].Id;
        await builder.UpdatePageAsync(surveyId, page, title, ConditionMode.All, cancellationToken: ct);
        return page;
    }

    private async Task<long> Q(long surveyId, long pageId, QuestionKind kind, string text, bool required = false, string help = "", QuestionSettings? settings = null, CancellationToken ct = default)
    {
        var result = await builder.AddQuestionAsync(surveyId, pageId, new QuestionInput(kind, text, help, required, settings ?? new QuestionSettings()), cancellationToken: ct);
        return result.Id ?? throw new InvalidOperationException($"Demo question rejected: {result.Status} {result.Problem}");
    }
}
