using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Dapper;
using MYK10.Participation.Ballots;
using MYK10.Participation.Data;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ballots;

public sealed class VotePagesTests(VotePagesTests.Site site) : IClassFixture<VotePagesTests.Site>
{
    public sealed class Site() : SiteFactory(new() { ["RateLimits:Ballot:PermitLimit"] = "1000" });

    private async Task<long> BallotCountAsync(long voteId)
    {
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ballots WHERE vote_id = @Id", new { Id = voteId });
    }

    /// <summary>The form fields for the ballot page: index i is the option with that id in this participant's order.</summary>
    private static async Task<Dictionary<string, string>> FieldsAsync(HttpClient client, Vote vote, Func<long, string?> valueFor, string field)
    {
        var document = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}");
        var fields = new Dictionary<string, string>();
        var hidden = document.QuerySelectorAll("input[type=hidden][name$='.OptionId']").OfType<IHtmlInputElement>().ToList();
        Assert.Equal(vote.Options.Count, hidden.Count);
        foreach (var input in hidden)
        {
            var prefix = input.Name![..^".OptionId".Length];
            if (valueFor(long.Parse(input.Value, System.Globalization.CultureInfo.InvariantCulture)) is { } value)
            {
                fields[$"{prefix}.{field}"] = value;
            }
        }

        return fields;
    }

    [Fact]
    public async Task BallotPage_WithoutSignIn_InvitesToSignInAndBack()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Budget);
        var client = site.CreateBrowserLikeClient();

        var document = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}");

        Assert.Null(document.QuerySelector("main form[method=post]"));
        var link = document.QuerySelector("main a.button")!.GetAttribute("href")!;
        Assert.Equal($"/konto/anmelden?ReturnUrl=%2Fabstimmungen%2F{vote.Id}", link);
        var method = document.QuerySelectorAll("dl.details dd")[2].TextContent.Replace('\u00a0', ' ');
        Assert.Equal("Maßnahmen im Rahmen von 80.000 € auswählen, insgesamt mindestens 20.000 €", method);
    }

    [Fact]
    public async Task BudgetBallot_Valid_IsStored_AndTheReceiptPageShowsTheCode_TheSameAgainIsNoChange()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Budget);
        var (client, _) = await site.ParticipantClientAsync(municipalityId: "mayen");
        var chosen = new[] { vote.OptionId(1), vote.OptionId(3) };

        var response = await client.PostFormAsync($"/abstimmungen/{vote.Id}", await FieldsAsync(client, vote, id => chosen.Contains(id) ? "true" : null, "Selected"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/abstimmungen/{vote.Id}/beleg", response.Headers.Location!.OriginalString);
        var receipt = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}/beleg");
        var code = receipt.QuerySelector("#beleg")!.TextContent.Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Contains("Ladesäulen an Rathäusern", receipt.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await BallotCountAsync(vote.Id));

        using var again = await client.PostFormAsync($"/abstimmungen/{vote.Id}", []); // the form shows the stored choices
        Assert.Equal($"/abstimmungen/{vote.Id}/beleg", again.Headers.Location!.OriginalString); // not "geaendert=1"
    }

    [Fact]
    public async Task BudgetBallot_OverBudget_IsRefusedInGerman_StoresNothing_AndKeepsTheEarlierBallot()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Budget);
        var (client, participantId) = await site.ParticipantClientAsync();
        await client.PostFormAsync($"/abstimmungen/{vote.Id}", await FieldsAsync(client, vote, id => id == vote.OptionId(2) ? "true" : null, "Selected"));
        var before = await site.Get<BallotBox>().FindAsync(vote.Id, participantId);

        var response = await client.PostFormAsync($"/abstimmungen/{vote.Id}", await FieldsAsync(client, vote, _ => "true", "Selected"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        var summary = document.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Ihre Auswahl kostet 110.000\u00a0€ und übersteigt das Budget von 80.000\u00a0€.", summary, StringComparison.Ordinal);
        Assert.Equal("#Input_Items", document.QuerySelector(".error-summary a")!.GetAttribute("href"));
        // Without the script the server writes the status line: nothing is left, as the script says, not a negative sum.
        Assert.Equal("Ausgewählt: 110.000\u00a0€ von 80.000\u00a0€. Noch verfügbar: 0\u00a0€.", document.QuerySelector("#ballot-status")!.TextContent);
        Assert.All(document.QuerySelectorAll("input[type=checkbox]").OfType<IHtmlInputElement>(), box => Assert.True(box.IsChecked, "the participant's input is kept"));
        var after = await site.Get<BallotBox>().FindAsync(vote.Id, participantId);
        Assert.Equal(before!.Choices, after!.Choices);
        Assert.Equal(1, await BallotCountAsync(vote.Id));
    }

    [Fact]
    public async Task FiftyConcurrentSubmissions_OfOneParticipant_EndInOneBallot()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        var (client, participantId) = await site.ParticipantClientAsync();
        var first = await FieldsAsync(client, vote, id => id == vote.OptionId(1) ? "true" : null, "Selected");
        var second = await FieldsAsync(client, vote, id => id != vote.OptionId(1) ? "true" : null, "Selected");

        // All fifty from the page as it was before the first: a page loaded after a stored ballot shows its boxes ticked,
        // and one of the other submission's ticks added to them would be a ballot with too many choices.
        var url = $"/abstimmungen/{vote.Id}";
        var page = await client.GetDocumentAsync(url);
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.SubmitFormAsync(page, url, i % 2 == 0 ? first : second)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await BallotCountAsync(vote.Id));
        var stored = (await site.Get<BallotBox>().FindAsync(vote.Id, participantId))!.Choices.Select(c => c.OptionId).Order().ToList();
        Assert.True(stored.SequenceEqual([vote.OptionId(1)]) || stored.SequenceEqual([vote.OptionId(2), vote.OptionId(3)]), "the ballot is one submission, not a mixture");
    }

    [Fact]
    public async Task PointsBallot_TooManyPoints_IsRefused_AndAValidOneIsStored()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Points);
        var (client, participantId) = await site.ParticipantClientAsync();

        var refused = await client.PostFormAsync($"/abstimmungen/{vote.Id}", await FieldsAsync(client, vote, _ => "6", "Value"));
        var refusedPage = await refused.ReadDocumentAsync();
        Assert.Contains("Sie haben mehr als 10 Punkte vergeben.", refusedPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        // Without the script the server writes the status line: no points left, not a negative number.
        Assert.Equal("Noch 0 von 10 Punkten zu vergeben.", refusedPage.QuerySelector("#ballot-status")!.TextContent);
        Assert.Equal(0, await BallotCountAsync(vote.Id));

        var accepted = await client.PostFormAsync($"/abstimmungen/{vote.Id}", await FieldsAsync(client, vote, id => id == vote.OptionId(1) ? "6" : id == vote.OptionId(2) ? "4" : "", "Value"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var ballot = (await site.Get<BallotBox>().FindAsync(vote.Id, participantId))!;
        Assert.Equal([(vote.OptionId(1), 6), (vote.OptionId(2), 4)], ballot.Choices.Select(c => (c.OptionId, c.Value)).OrderBy(c => c.Item1));
    }

    [Fact]
    public async Task BallotForm_InEnglish_LabelsEachMeasuresPointsWithItsTitleAsAGermanElement()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Points);
        var (client, _) = await site.ParticipantClientAsync();
        var title = vote.Options.Single(o => o.Position == 1).Title;

        var (german, english) = await client.GermanThenEnglishAsync($"/abstimmungen/{vote.Id}");

        Assert.Null(german.QuerySelector("main form [lang]"));
        var label = english.QuerySelectorAll("main form label").Single(l => l.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Equal($"Points for “{title}” (0 to {vote.MaxPointsPerOption})", label.TextContent);
        Assert.Equal(title, label.QuerySelector("span[lang=de]")?.TextContent);
        Assert.Null(label.Closest("[lang]:not(html)"));
    }

    [Fact]
    public async Task Receipt_InEnglish_KeepsTheMeasuresTitlesAsGermanElements_BesideTheEnglishWords()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Points);
        var (client, _) = await site.ParticipantClientAsync();
        using (await client.PostFormAsync($"/abstimmungen/{vote.Id}", await FieldsAsync(client, vote, id => id == vote.OptionId(1) ? "6" : id == vote.OptionId(2) ? "4" : "", "Value")))
        {
        }

        var (first, second) = (vote.Options.Single(o => o.Position == 1).Title, vote.Options.Single(o => o.Position == 2).Title);
        var (german, english) = await client.GermanThenEnglishAsync($"/abstimmungen/{vote.Id}/beleg");
        var result = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis");

        Assert.Null(german.QuerySelector("main [lang]"));
        Assert.Equal($"{first}: 6 P.; {second}: 4 P.", german.QuerySelector("main h2:nth-of-type(2) + p")!.TextContent);
        // "Title: 6 pts": the points are English, each title is its own German element.
        var choices = english.QuerySelector("main h2:nth-of-type(2) + p")!;
        Assert.Null(choices.Closest("[lang]:not(html)"));
        Assert.Equal([first, second], choices.QuerySelectorAll("span[lang=de]").Select(span => span.TextContent));
        Assert.Equal($"{first}: 6 pts; {second}: 4 pts", choices.TextContent);
        Assert.Equal(vote.Title, result.QuerySelector("h1 span[lang=de]")?.TextContent);
    }

    [Fact]
    public async Task RankingBallot_WithAGap_IsRefused()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Ranking);
        var (client, _) = await site.ParticipantClientAsync();

        var response = await client.PostFormAsync($"/abstimmungen/{vote.Id}", await FieldsAsync(client, vote, id => id == vote.OptionId(1) ? "2" : null, "Value"));

        Assert.Contains("lückenlos", (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await BallotCountAsync(vote.Id));
    }

    [Fact]
    public async Task Ballot_ForAnUnknownOption_IsRefused()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        var (client, _) = await site.ParticipantClientAsync();
        var fields = await FieldsAsync(client, vote, _ => "true", "Selected");
        fields["Input.Items[0].OptionId"] = "999999";

        var response = await client.PostFormAsync($"/abstimmungen/{vote.Id}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await BallotCountAsync(vote.Id));
    }

    [Fact]
    public async Task ClosedVote_RefusesBallots_AndPointsToTheResult()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        var (client, _) = await site.ParticipantClientAsync();
        var fields = await FieldsAsync(client, vote, id => id == vote.OptionId(1) ? "true" : null, "Selected");
        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE votes SET closes_at = opens_at WHERE id = @Id", new { vote.Id });
        }

        var response = await client.PostAsync($"/abstimmungen/{vote.Id}", new FormUrlEncodedContent(fields));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await BallotCountAsync(vote.Id));
        var page = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}");
        Assert.NotNull(page.QuerySelector($"main a[href='/abstimmungen/{vote.Id}/ergebnis']"));
    }

    [Fact]
    public async Task ResultPage_ListsTheBallotsAHundredAtATime_AndFindsAReceiptOnAnyPage()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            for (var i = 1; i <= 250; i++)
            {
                var ballot = await connection.ExecuteScalarAsync<long>(
                    "INSERT INTO ballots (vote_id, receipt_code, municipality_id, cast_at) VALUES (@Id, @Code, 'mayen', @Now) RETURNING id",
                    new { vote.Id, Code = $"SEITE{vote.Id}X{i:D4}", Now = DateTimeOffset.UtcNow });
                await connection.ExecuteAsync("INSERT INTO ballot_choices (ballot_id, option_id, value) VALUES (@Ballot, @Option, 1)", new { Ballot = ballot, Option = vote.OptionId(1) });
            }

            await connection.ExecuteAsync("UPDATE votes SET closes_at = @Now WHERE id = @Id", new { vote.Id, Now = DateTimeOffset.UtcNow });
        }

        await site.Get<VoteTallySweepJob>().RunAsync(CancellationToken.None);
        var client = site.CreateBrowserLikeClient();
        var first = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis?beleg=seite{vote.Id}x0249");
        var third = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis?stimmzettel=3");
        var beyond = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis?stimmzettel=999");

        Assert.Equal(100, first.QuerySelectorAll("table.ballot-table tbody tr").Length);
        Assert.NotNull(first.QuerySelector($"nav.pagination a[href='/abstimmungen/{vote.Id}/ergebnis?stimmzettel=3']"));
        Assert.Contains($"SEITE{vote.Id}X0249", first.QuerySelector("#pruefung")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain($"SEITE{vote.Id}X0249", first.QuerySelector("table.ballot-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(50, third.QuerySelectorAll("table.ballot-table tbody tr").Length);
        Assert.Contains($"SEITE{vote.Id}X0249", third.QuerySelector("table.ballot-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(50, beyond.QuerySelectorAll("table.ballot-table tbody tr").Length);
        Assert.Equal("Seite 3 von 3", beyond.QuerySelector("nav.pagination .visually-hidden")!.TextContent.Trim());
    }

    [Fact]
    public async Task ResultPage_AndOpenData_ForAClosedVote()
    {
        var (client, participantId) = await site.ParticipantClientAsync();
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        await client.PostFormAsync($"/abstimmungen/{vote.Id}", await FieldsAsync(client, vote, id => id == vote.OptionId(1) ? "true" : null, "Selected"));
        var code = (await site.Get<BallotBox>().FindAsync(vote.Id, participantId))!.ReceiptCode;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/votes/{vote.Id}/result")).StatusCode); // not public while open
        await CloseAndCountAsync(vote);

        var page = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis?beleg={code.ToLowerInvariant()}");
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.StartsWith("Ergebnis als Balkendiagramm", page.QuerySelector(".bar-chart[role=img]")?.GetAttribute("aria-label"), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("table.result-table tbody tr").Take(3).Select(r => r.TextContent).ToList();
        Assert.Contains("Ladesäulen an Rathäusern", rows[0], StringComparison.Ordinal);
        Assert.Contains("✓", rows[0], StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("main table"), table => Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.TextContent)));
        Assert.Contains($"Der Stimmzettel mit dem Beleg {code} ist gezählt", page.QuerySelector("#pruefung")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(code, page.QuerySelector("table.ballot-table")!.TextContent, StringComparison.Ordinal);
        // Typed without the dashes, in groups with spaces: the same ballot.
        var typed = Uri.EscapeDataString(code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant().Insert(6, " "));
        var retyped = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis?beleg={typed}");
        Assert.Contains($"Der Stimmzettel mit dem Beleg {code} ist gezählt", retyped.QuerySelector("#pruefung")!.TextContent, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/votes/{vote.Id}/result"));
        Assert.Equal("approval", json.RootElement.GetProperty("method").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("ballots").GetInt64());
        Assert.Equal(vote.OptionId(1), json.RootElement.GetProperty("selected")[0].GetInt64());

        var csv = await client.GetStringAsync($"/abstimmungen/{vote.Id}/stimmzettel.csv");
        Assert.Contains($"{code};{vote.OptionId(1)};Ladesäulen an Rathäusern;1", csv, StringComparison.Ordinal);
        var pb = Pabulib.Read(new StringReader(await client.GetStringAsync($"/abstimmungen/{vote.Id}/stimmzettel.pb")));
        Assert.Equal(code, Assert.Single(pb.Votes).VoterId);
    }

    [Fact]
    public async Task ResultApi_OfAVoteStillOpen_AnswersNotFound_InTheOpenDataErrorFormat()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);

        using var response = await site.CreateBrowserLikeClient().GetAsync($"/api/v1/votes/{vote.Id}/result");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not_found", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ResultApi_OfAClosedVoteNotYetCounted_AnswersCounting_InTheOpenDataErrorFormat()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE votes SET closes_at = @Now WHERE id = @Id", new { vote.Id, Now = DateTimeOffset.UtcNow });
        }

        using var response = await site.CreateBrowserLikeClient().GetAsync($"/api/v1/votes/{vote.Id}/result");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(2), response.Headers.RetryAfter?.Delta);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("counting", json.RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(VoteMethod.Approval, "Balken je Maßnahme, Länge nach Stimmen;")]
    [InlineData(VoteMethod.Points, "Balken je Maßnahme, Länge nach Punkten;")]
    [InlineData(VoteMethod.Ranking, "Balken je Maßnahme, Länge nach Borda-Punkten;")]
    [InlineData(VoteMethod.YesNoAbstain, "Balken je Maßnahme, Länge nach Ja-Stimmen;")]
    public async Task ResultChart_TellsScreenReadersWhatTheBarLengthShows(VoteMethod method, string description)
    {
        var vote = await site.OpenVoteAsync(method);
        await CloseAndCountAsync(vote);

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis");

        Assert.Contains($"Ergebnis als Balkendiagramm: {description}", page.QuerySelector(".bar-chart[role=img]")?.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_OfAnApprovalVote_CountsBallotsAsStimmzettel_NotAsTheVotesTheOptionsGot()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        foreach (var municipality in new[] { "mayen", "mendig" })
        {
            var (client, _) = await site.ParticipantClientAsync(municipalityId: municipality);
            await client.PostFormAsync($"/abstimmungen/{vote.Id}", await FieldsAsync(client, vote, id => id == vote.OptionId(1) || id == vote.OptionId(2) ? "true" : null, "Selected"));
        }

        await CloseAndCountAsync(vote);

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis");

        // Two people each chose two measures: two ballots, four votes; "Abgegebene Stimmen: 2" beside options with 2 votes each read as a contradiction.
        Assert.Contains("Abgegebene Stimmzettel: 2", page.QuerySelector("main p.lead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["2", "2"], page.QuerySelectorAll("table.result-table tbody td:nth-child(3)").Take(2).Select(cell => cell.TextContent));
        var byPlace = page.QuerySelectorAll("main table").Single(t => t.QuerySelector("caption")?.TextContent == "Beteiligung nach Wohnort");
        Assert.Equal("Stimmzettel", byPlace.QuerySelector("thead th:last-child")!.TextContent);
    }

    [Fact]
    public async Task Result_ExplainsTheTieRule_ByWhatDecidesWhenTheScoresAreEqual()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Ranking);
        await CloseAndCountAsync(vote);

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis");

        // A tie is equal votes or points: "mehr Stimmen" cannot decide it, and the "Nr." on the page is the order of selection, not a measure number.
        var rule = page.QuerySelectorAll("main p").Select(p => p.TextContent).Single(t => t.Contains("gleich viele", StringComparison.Ordinal));
        Assert.Equal("Haben Maßnahmen gleich viele Stimmen oder Punkte, steht die mit den geringeren Kosten vorn, bei gleichen Kosten die früher angelegte.", rule);
        Assert.DoesNotContain("Maßnahmennummer", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiptPage_OfAClosedVote_OffersNeitherToVoteNorToChange_ButTheResult()
    {
        var (voter, _) = await site.ParticipantClientAsync();
        var (absent, _) = await site.ParticipantClientAsync();
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        await voter.PostFormAsync($"/abstimmungen/{vote.Id}", await FieldsAsync(voter, vote, id => id == vote.OptionId(1) ? "true" : null, "Selected"));
        await CloseAndCountAsync(vote);

        var voted = await voter.GetDocumentAsync($"/abstimmungen/{vote.Id}/beleg");
        var notVoted = await absent.GetDocumentAsync($"/abstimmungen/{vote.Id}/beleg");

        Assert.NotNull(voted.QuerySelector(".receipt-code"));
        Assert.Empty(voted.QuerySelectorAll($"main a[href='/abstimmungen/{vote.Id}']"));
        Assert.NotNull(voted.QuerySelector($"main a[href='/abstimmungen/{vote.Id}/ergebnis']"));
        Assert.Equal("Sie haben in dieser Abstimmung keine Stimme abgegeben. Die Abstimmung ist beendet.", notVoted.QuerySelector("main p")!.TextContent.Trim());
        Assert.Empty(notVoted.QuerySelectorAll($"main a[href='/abstimmungen/{vote.Id}']"));
        Assert.NotNull(notVoted.QuerySelector($"main a[href='/abstimmungen/{vote.Id}/ergebnis']"));
    }

    [Fact]
    public async Task VotePage_SignedInWithoutACompletedProfile_AsksForTheProfile_NotForASignIn()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        var client = await site.ParticipantWithoutProfileClientAsync();

        var page = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}");

        var button = page.QuerySelector("main a.button")!;
        Assert.Equal($"/konto/profil?ReturnUrl=%2Fabstimmungen%2F{vote.Id}", button.GetAttribute("href"));
        Assert.Equal("Profil vervollständigen und abstimmen", button.TextContent.Trim());
        Assert.DoesNotContain("melden Sie sich bitte an", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiptPage_SignedInWithoutACompletedProfile_LeadsToTheProfile_NotRoundInCircles()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        var client = await site.ParticipantWithoutProfileClientAsync();

        using var receipt = await client.GetAsync($"/abstimmungen/{vote.Id}/beleg");

        Assert.Equal(HttpStatusCode.Redirect, receipt.StatusCode);
        Assert.Equal($"/konto/profil?ReturnUrl=%2Fabstimmungen%2F{vote.Id}%2Fbeleg", receipt.Headers.Location!.OriginalString);
    }

    private async Task CloseAndCountAsync(Vote vote)
    {
        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE votes SET closes_at = @Now WHERE id = @Id", new { vote.Id, Now = DateTimeOffset.UtcNow });
        }

        await site.Get<VoteTallySweepJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ListPage_ShowsOpenAndClosedVotes()
    {
        var open = await site.OpenVoteAsync(VoteMethod.YesNoAbstain, d => d with { Title = "Offene Ja-Nein-Abstimmung" });
        var client = site.CreateBrowserLikeClient();

        var document = await client.GetDocumentAsync("/abstimmungen");

        Assert.NotNull(document.QuerySelector($"#laufend ~ ul a[href='/abstimmungen/{open.Id}']"));
        Assert.Single(document.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task ListPage_MarksTheOpenVotesTheSignedInParticipantHasVotedIn_ForThemOnly()
    {
        var voted = await site.OpenVoteAsync(VoteMethod.Approval);
        var notVoted = await site.OpenVoteAsync(VoteMethod.Approval);
        var (voter, _) = await site.ParticipantClientAsync();
        using var cast = await voter.PostFormAsync($"/abstimmungen/{voted.Id}", await FieldsAsync(voter, voted, id => id == voted.OptionId(1) ? "true" : null, "Selected"));
        Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        var (other, _) = await site.ParticipantClientAsync();

        var forVoter = await voter.GetDocumentAsync("/abstimmungen");
        var forOther = await other.GetDocumentAsync("/abstimmungen");
        var forVisitor = await site.CreateBrowserLikeClient().GetDocumentAsync("/abstimmungen");

        string? Mark(AngleSharp.Dom.IDocument page, long vote) =>
            page.QuerySelector($"#laufend ~ ul li:has(a[href='/abstimmungen/{vote}']) .cast-mark")?.TextContent;
        Assert.Equal("Sie haben hier abgestimmt. Bis zum Ende können Sie Ihre Stimme ändern.", Mark(forVoter, voted.Id));
        Assert.Null(Mark(forVoter, notVoted.Id));
        Assert.Null(Mark(forOther, voted.Id));
        Assert.Null(Mark(forVisitor, voted.Id));
    }
}
