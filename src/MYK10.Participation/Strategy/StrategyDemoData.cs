using Dapper;
using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Strategy;

/// <summary>A believable draft strategy: goals and measures in every field, links to demo ideas, a four-phase timeline.</summary>
public static class StrategyDemoData
{
    private static readonly Dictionary<string, (string Goal, string[] Measures)[]> Plan = new(StringComparer.Ordinal)
    {
        ["wirtschaft"] = [("Betriebe im Kreis digital stärken", ["Digitallotsen für kleine Betriebe", "Regionaler Online-Marktplatz"]), ("Gründungen erleichtern", ["Coworking-Räume in den Mittelzentren"])],
        ["tourismus"] = [("Gäste digital begleiten", ["Digitale Wander- und Radkarte", "Freies WLAN an Ausflugszielen"])],
        ["gesundheit"] = [("Versorgung auf dem Land sichern", ["Telemedizin in Gemeindehäusern", "Digitale Nachbarschaftshilfe"])],
        ["bildung"] = [("Digitale Bildung für alle Generationen", ["Digitalkurse für Seniorinnen und Senioren", "Leihgeräte für Schülerinnen und Schüler"])],
        ["kommunikationsinfrastruktur"] = [("Schnelles Netz in jedem Ort", ["Glasfaser für alle Ortsteile", "Funklöcher-Karte zum Mitmachen"]), ("Offenes Sensornetz", ["LoRaWAN-Netz für den Kreis"])],
        ["verkehr-und-mobilitaet"] = [("Mobil ohne eigenes Auto", ["Rufbus mit App und Telefonbestellung", "Echtzeit-Abfahrtszeiten an Haltestellen"])],
        ["energie"] = [("Energie sparen und selbst erzeugen", ["Solarkataster für den Kreis", "Energiemonitoring öffentlicher Gebäude"])],
        ["umwelt-und-klima"] = [("Klimafolgen früh erkennen", ["Hochwasser-Frühwarnung an kleinen Bächen", "Digitaler Mängelmelder"])],
        ["digitale-souveraenitaet"] = [("Unabhängig und offen", ["Offene Daten des Kreises", "Freie Software in der Verwaltung"])],
        ["stadt-und-kreisentwicklung"] = [("Verwaltung digital und nah", ["Digitaler Bauantrag", "Leerstandsbörse für Ortskerne"])],
    };

    private static readonly string[] Statuses = ["discussion", "draft", "decided", "implementing", "discussion", "decided"];

    public static async Task SeedAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
    {
        var random = new Random(2027);
        var counter = 0;
        foreach (var (field, goals) in Plan)
        {
            var goalPosition = 0;
            foreach (var (goalTitle, measures) in goals)
            {
                var goalId = await connection.ExecuteScalarAsync<long>("""
                    INSERT INTO strategy_goals (field_id, title, description, position, created_at, updated_at)
                    VALUES (@Field, @Title, @Description, @Position, @Now, @Now) RETURNING id
                    """, new { Field = field, Title = goalTitle, Description = $"Das Ziel „{goalTitle}“ wurde aus den Ideen der Bürgerinnen und Bürger und den Workshops mit den Gemeinden entwickelt.", Position = goalPosition++, Now = now }, transaction);
                var position = 0;
                foreach (var title in measures)
                {
                    var status = Statuses[counter++ % Statuses.Length];
                    var measureId = await connection.ExecuteScalarAsync<long>("""
                        INSERT INTO strategy_measures (goal_id, title, description, lead_organisation, cost_euros, time_frame, status, position, created_at, updated_at)
                        VALUES (@Goal, @Title, @Description, @Lead, @Cost, @TimeFrame, @Status, @Position, @Now, @Now) RETURNING id
                        """, new
                    {
                        Goal = goalId,
                        Title = title,
                        Description = $"{title}: Die Maßnahme wird gemeinsam mit den Städten und Verbandsgemeinden geplant. Ein Pilot startet in einer Gemeinde, danach folgt der ganze Kreis.",
                        Lead = random.Next(2) == 0 ? "Stabsstelle Smart City" : "Wirtschaftsförderungsgesellschaft Mayen-Koblenz",
                        Cost = random.Next(2, 60) * 5000,
                        TimeFrame = random.Next(2) == 0 ? "2027–2028" : "2027–2029",
                        Status = status,
                        Position = position++,
                        Now = now,
                    }, transaction);
                    await connection.ExecuteAsync("""
                        INSERT INTO measure_status_history (measure_id, status, changed_at, note) VALUES (@Id, 'draft', @Created, 'Entwurf angelegt');
                        INSERT INTO measure_status_history (measure_id, status, changed_at, note) SELECT @Id, @Status, @Now, NULL WHERE @Status <> 'draft';
                        """, new { Id = measureId, Status = status, Created = now.AddDays(-40), Now = now.AddDays(-random.Next(1, 30)) }, transaction);
                    // Ideas of this field taken into the strategy grow into its measures.
                    await connection.ExecuteAsync("""
                        INSERT OR IGNORE INTO idea_measures (idea_id, measure_id, linked_at)
                        SELECT id, @Measure, @Now FROM ideas
                        WHERE field_id = @Field AND state = 'published' AND answer_status IN ('adopted', 'implemented')
                        ORDER BY id LIMIT 3
                        """, new { Measure = measureId, Field = field, Now = now }, transaction);
                }
            }
        }

        var start = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-90);
        (string Name, string Description, string CitizensCan, int Days)[] phases =
        [
            ("Ideen sammeln", "Bürgerinnen und Bürger, Vereine und Betriebe bringen ihre Ideen für die digitale Region ein.", "Reichen Sie Ideen ein, unterstützen und kommentieren Sie die Vorschläge anderer.", 130),
            ("Strategieentwurf kommentieren", "Aus Ideen und Workshops entsteht ein Entwurf mit Zielen und Maßnahmen.", "Kommentieren Sie die Maßnahmen, die zur Diskussion stehen.", 60),
            ("Maßnahmen priorisieren", "Die Region stimmt ab, welche Maßnahmen zuerst umgesetzt werden.", "Stimmen Sie über die Reihenfolge der Maßnahmen ab.", 45),
            ("Beschluss im Kreistag", "Der Kreistag berät und beschließt die Digitalstrategie.", "Verfolgen Sie die Beratung; die Ergebnisse erscheinen hier.", 30),
        ];
        foreach (var (name, description, citizensCan, days) in phases)
        {
            await connection.ExecuteAsync("""
                INSERT INTO process_phases (name, description, citizens_can, starts_on, ends_on) VALUES (@Name, @Description, @CitizensCan, @Start, @End)
                """, new { Name = name, Description = description, CitizensCan = citizensCan, Start = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), End = start.AddDays(days - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, transaction);
            start = start.AddDays(days);
        }

        await connection.ExecuteAsync("UPDATE strategy_revision SET revision = revision + 1, changed_at = @Now WHERE id = 1", new { Now = now }, transaction);
    }
}
