using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MYK10.Participation.Benchmarks;

/// <summary>The write scenarios: supports and ballots by distinct signed-in participants, survey submissions by new browsers.</summary>
internal static class WriteLoads
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Each participant supports ideas it has not supported yet.</summary>
    public static Task<LoadResult> SupportsAsync(Uri server, IReadOnlyList<ParticipantSessions.Session> sessions, long[] ideas, TimeSpan duration) =>
        LoadRunner.RunAsync("supports (POST, distinct participants)", server, sessions.Count, duration,
            (w, n) => new HttpRequestMessage(HttpMethod.Post, $"/ideen/{ideas[(int)((w * 997 + n) % ideas.Length)]}?handler=Support")
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", sessions[w].FormToken)]),
            },
            response => response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains("hinweis=unterstuetzt", StringComparison.Ordinal) == true,
            w => sessions[w].Client);

    /// <summary>
    /// Each participant casts (and then changes) its ballot in the open votes in turn, approving two measures.
    /// <paramref name="accepted"/> collects every (participant, vote) whose ballot was accepted.
    /// </summary>
    public static async Task<LoadResult> BallotsAsync(IReadOnlyList<ParticipantSessions.Session> sessions, IReadOnlyList<long> votes, ConcurrentDictionary<(long Participant, long Vote), int> accepted, TimeSpan duration)
    {
        // The options appear in an order of their own for each participant: read each participant's form once.
        var forms = new Dictionary<(int, long), List<KeyValuePair<string, string>>>();
        foreach (var (session, index) in sessions.Select((s, i) => (s, i)))
        {
            foreach (var vote in votes)
            {
                var document = Parser.ParseDocument(await session.Client.GetStringAsync($"/abstimmungen/{vote}"));
                var hidden = document.QuerySelectorAll("main form input[type=hidden][name$='.OptionId']").OfType<IHtmlInputElement>().ToList();
                var chosen = hidden.Select(h => long.Parse(h.Value, System.Globalization.CultureInfo.InvariantCulture)).Order().Take(2).ToHashSet();
                var fields = hidden.Select(h => new KeyValuePair<string, string>(h.Name!, h.Value)).ToList();
                fields.AddRange(hidden.Where(h => chosen.Contains(long.Parse(h.Value, System.Globalization.CultureInfo.InvariantCulture)))
                    .Select(h => new KeyValuePair<string, string>(h.Name![..^".OptionId".Length] + ".Selected", "true")));
                fields.Add(new("__RequestVerificationToken", session.FormToken));
                forms[(index, vote)] = fields;
            }
        }

        return await LoadRunner.RunOperationsAsync("ballots (POST, distinct participants)", sessions.Count, duration, async (w, n) =>
        {
            var session = sessions[w];
            var vote = votes[(int)((w + n) % votes.Count)];
            using var response = await session.Client.PostAsync($"/abstimmungen/{vote}", new FormUrlEncodedContent(forms[(w, vote)]));
            var ok = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/beleg", StringComparison.Ordinal) == true;
            if (ok)
            {
                accepted.AddOrUpdate((session.ParticipantId, vote), 1, (_, count) => count + 1);
            }

            return ok;
        });
    }

    /// <summary>
    /// New browsers answer an open survey (anonymous, no account): the answers page, then the check page that submits.
    /// One submission is two POSTs; its latency is both together.
    /// </summary>
    public static async Task<LoadResult> SurveySubmissionsAsync(Uri server, IReadOnlyList<long> surveys, int connections, TimeSpan duration)
    {
        var workers = new List<(HttpClient Client, string Antiforgery, long Survey, List<KeyValuePair<string, string>> Fields)>();
        for (var w = 0; w < connections; w++)
        {
            var survey = surveys[w % surveys.Count];
            var client = LoadRunner.NewClient(server, 2);
            using var page = await client.GetAsync($"/umfragen/{survey}");
            var antiforgery = CookiePairs(page).Single(c => c.StartsWith("myk10.af=", StringComparison.Ordinal));
            var form = Parser.ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("main form[method=post]")!;
            var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
            foreach (var group in form.QuerySelectorAll("input[type=radio], input[type=checkbox]").OfType<IHtmlInputElement>().GroupBy(i => i.Name!))
            {
                fields.Add(new(group.Key, group.First().Value));
            }

            fields.Add(new("Input.Direction", "weiter"));
            workers.Add((client, antiforgery, survey, fields));
        }

        var result = await LoadRunner.RunOperationsAsync("survey submissions (2 POSTs each, new browsers)", connections, duration, async (w, _) =>
        {
            var (client, antiforgery, survey, fields) = workers[w];
            using var answers = new HttpRequestMessage(HttpMethod.Post, $"/umfragen/{survey}") { Content = new FormUrlEncodedContent(fields) };
            answers.Headers.Add("Cookie", antiforgery);
            using var toCheck = await client.SendAsync(answers);
            var session = CookiePairs(toCheck).FirstOrDefault(c => c.StartsWith("myk10.umfrage.", StringComparison.Ordinal));
            if (toCheck.StatusCode != HttpStatusCode.Redirect || session is null)
            {
                return false;
            }

            using var submit = new HttpRequestMessage(HttpMethod.Post, $"/umfragen/{survey}/pruefen")
            {
                Content = new FormUrlEncodedContent([fields.First(f => f.Key == "__RequestVerificationToken"), new("Input.MunicipalityId", "mayen"), new("Homepage", "")]),
            };
            submit.Headers.Add("Cookie", $"{antiforgery}; {session}");
            using var thanks = await client.SendAsync(submit);
            return thanks.StatusCode == HttpStatusCode.Redirect && thanks.Headers.Location?.OriginalString.EndsWith("/danke", StringComparison.Ordinal) == true;
        });
        foreach (var worker in workers)
        {
            worker.Client.Dispose();
        }

        return result;
    }

    /// <summary>"name=value" of each cookie the response sets.</summary>
    private static IEnumerable<string> CookiePairs(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];
}
