using Dapper;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Ideas;

public sealed class IdeaListTests
{
    [Theory]
    [InlineData("Mobilität")]
    [InlineData("mobilitat")]
    [InlineData("MOBILITAET")]
    [InlineData("mobil")]
    public async Task Search_FindsWithAndWithoutUmlauts(string query)
    {
        await using var app = await TestApp.StartAsync();
        var hit = await app.PublishedIdeaAsync("Mehr Mobilität für Dörfer", "Ein Rufbus würde die Mobilität im ländlichen Raum verbessern.", "verkehr-und-mobilitaet");
        await app.PublishedIdeaAsync("Glasfaser überall", "Schnelles Internet für alle Ortsteile des Kreises.");

        var page = await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery(Search: query));

        Assert.Equal([hit], page.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("Weissenthurm", "Weißenthurm")]
    [InlineData("weiß", "Weißenthurm")]
    [InlineData("Buergerbuero", "Bürgerbüro")]
    [InlineData("Funkloecher", "Funklöcher")]
    [InlineData("Feuerwehrgebaeude", "Feuerwehrgebäude")]
    [InlineData("Straße", "Strasse")]
    [InlineData("Hochwasser Weissenthurm", "Hochwasser in Weißenthurm")] // a word with other spellings next to another word
    [InlineData("Weissenthurm Hochwasser", "Hochwasser in Weißenthurm")]
    public async Task Search_FindsGermanSpellingsWithoutUmlautsOrSharpS(string query, string written)
    {
        await using var app = await TestApp.StartAsync();
        var hit = await app.PublishedIdeaAsync($"Idee zu {written}", $"Ein Vorschlag, der {written} betrifft und allen hilft.");
        await app.PublishedIdeaAsync("Glasfaser überall", "Schnelles Internet für alle Ortsteile des Kreises.");

        var page = await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery(Search: query));

        Assert.Equal([hit], page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Search_OperatorsInTheQueryAreTakenLiterally()
    {
        await using var app = await TestApp.StartAsync();
        await app.PublishedIdeaAsync("Glasfaser überall", "Schnelles Internet für alle Ortsteile des Kreises.");

        var page = await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery(Search: "glasfaser\" OR body:* NEAR("));

        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Filters_SortAndPaging_CombineAsExpected()
    {
        await using var app = await TestApp.StartAsync();
        var start = app.Clock.GetUtcNow();
        var ids = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await app.PublishedIdeaAsync($"Energie-Idee Nummer {i:00}", "Eine Idee zur Energie im Landkreis Mayen-Koblenz.", "energie", i % 2 == 0 ? "mendig" : "mayen", publishedAt: start.AddMinutes(i)));
        }

        var other = await app.PublishedIdeaAsync("Bildungsidee", "Eine Idee zur Bildung im Landkreis Mayen-Koblenz.", "bildung", "mendig", publishedAt: start.AddMinutes(30));
        var supporter = await app.Connections.ParticipantAsync();
        await app.Get<IdeaService>().SetSupportAsync(supporter, ids[3], true);
        var store = app.Get<IdeaStore>();

        var firstPage = await store.ListPublishedAsync(new IdeaQuery(FieldId: "energie"));
        var secondPage = await store.ListPublishedAsync(new IdeaQuery(FieldId: "energie", Page: 2));
        Assert.Equal(25, firstPage.Total);
        Assert.Equal(2, firstPage.PageCount);
        Assert.Equal(ids.AsEnumerable().Reverse().Take(20), firstPage.Items.Select(i => i.Id));
        Assert.Equal(ids.AsEnumerable().Reverse().Skip(20), secondPage.Items.Select(i => i.Id));

        var mendigEnergy = await store.ListPublishedAsync(new IdeaQuery(MunicipalityId: "mendig", FieldId: "energie"));
        Assert.Equal(13, mendigEnergy.Total);
        Assert.All(mendigEnergy.Items, i => Assert.Equal("mendig", i.MunicipalityId));

        var supported = await store.ListPublishedAsync(new IdeaQuery(Sort: IdeaSort.MostSupported));
        Assert.Equal(ids[3], supported.Items[0].Id);
        Assert.Equal(other, supported.Items[1].Id);

        var newOnly = await store.ListPublishedAsync(new IdeaQuery(Status: "neu"));
        var inReview = await store.ListPublishedAsync(new IdeaQuery(Status: "in-pruefung"));
        Assert.Equal(26, newOnly.Total);
        Assert.Equal(0, inReview.Total);
    }

    [Fact]
    public async Task Search_FindsPublishedIdeasOnly_FollowingEveryChangeOfStateAndText()
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Get<IdeaStore>();
        async Task<long[]> FoundAsync(string word) => (await store.ListPublishedAsync(new IdeaQuery(Search: word))).Items.Select(i => i.Id).ToArray();
        async Task SetAsync(long id, string assignments)
        {
            await using var connection = await app.Connections.OpenAsync();
            await connection.ExecuteAsync($"UPDATE ideas SET {assignments} WHERE id = @Id", new { Id = id });
        }

        var author = await app.Connections.ParticipantAsync();
        var pending = (await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission("Bürgerbus am Wochenende", "Ein Bürgerbus auch samstags und sonntags.", "energie", "mayen", null))).IdeaId!.Value;
        Assert.Empty(await FoundAsync("Bürgerbus"));

        await app.Connections.PublishAsync(pending);
        Assert.Equal([pending], await FoundAsync("Bürgerbus"));

        await SetAsync(pending, "title = 'Rufbus am Wochenende', body = 'Ein Rufbus auch samstags und sonntags.'");
        Assert.Empty(await FoundAsync("Bürgerbus"));
        Assert.Equal([pending], await FoundAsync("Rufbus"));

        await SetAsync(pending, "state = 'hidden'");
        Assert.Empty(await FoundAsync("Rufbus"));
        await SetAsync(pending, "state = 'published'");
        Assert.Equal([pending], await FoundAsync("Rufbus"));

        await using (var connection = await app.Connections.OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM ideas WHERE id = @Id", new { Id = pending });
            await connection.ExecuteAsync("INSERT INTO ideas_public_search (ideas_public_search, rank) VALUES ('integrity-check', 0)");
        }

        Assert.Empty(await FoundAsync("Rufbus"));
    }

    [Fact]
    public async Task Search_PagesNewestFirst_AlsoWithinAMunicipalityOrField()
    {
        await using var app = await TestApp.StartAsync();
        var start = app.Clock.GetUtcNow();
        var radweg = new List<long>();
        for (var i = 0; i < 45; i++)
        {
            var id = await app.PublishedIdeaAsync($"Idee {i:00}", i % 3 == 0 ? "Ein Radweg an der Nette entlang." : "Mehr Bänke am Marktplatz.", publishedAt: start.AddMinutes((i * 7) % 45));
            if (i % 3 == 0)
            {
                radweg.Add(id);
            }
        }

        var store = app.Get<IdeaStore>();
        var expected = (await store.ListPublishedAsync(new IdeaQuery(Search: "radweg", PageSize: 100))).Items.Select(i => i.Id).ToList();
        var first = await store.ListPublishedAsync(new IdeaQuery(Search: "radweg", PageSize: 5));
        var third = await store.ListPublishedAsync(new IdeaQuery(Search: "radweg", Page: 3, PageSize: 5));

        Assert.Equal(15, first.Total);
        Assert.Equal(expected.Take(5), first.Items.Select(i => i.Id));
        Assert.Equal(expected.Skip(10).Take(5), third.Items.Select(i => i.Id));
        var pageByPage = new List<long>();
        for (var number = 1; number <= 4; number++)
        {
            pageByPage.AddRange((await store.ListPublishedAsync(new IdeaQuery(Search: "radweg", Page: number, PageSize: 4))).Items.Select(i => i.Id));
        }

        Assert.Equal(expected, pageByPage);
        var beyond = await store.ListPublishedAsync(new IdeaQuery(Search: "radweg", Page: 4, PageSize: 5));
        Assert.Equal((15, 0), (beyond.Total, beyond.Items.Count));
        Assert.Equal(radweg.Order(), expected.Order());
        Assert.True(first.Items.Zip(first.Items.Skip(1)).All(p => p.First.PublishedAt >= p.Second.PublishedAt), "newest first");

        // Within a municipality or a field, the same hits in the same order.
        Assert.Equal(expected, (await store.ListPublishedAsync(new IdeaQuery(MunicipalityId: "mendig", Search: "radweg", PageSize: 100))).Items.Select(i => i.Id));
        Assert.Equal(expected.Skip(5).Take(5), (await store.ListPublishedAsync(new IdeaQuery(FieldId: "kommunikationsinfrastruktur", Search: "radweg", Page: 2, PageSize: 5))).Items.Select(i => i.Id));
        Assert.Equal(15, (await store.ListPublishedAsync(new IdeaQuery(FieldId: "kommunikationsinfrastruktur", Search: "radweg"))).Total);
        Assert.Equal(0, (await store.ListPublishedAsync(new IdeaQuery(MunicipalityId: "mayen", Search: "radweg"))).Total);
    }

    [Fact]
    public async Task Search_WithFilters_FollowsAnswersAndMovesOfAnIdea()
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Get<IdeaStore>();
        async Task<long[]> FoundAsync(IdeaQuery query) => (await store.ListPublishedAsync(query with { Search = "radweg" })).Items.Select(i => i.Id).ToArray();
        var idea = await app.PublishedIdeaAsync("Radweg nach Mendig", "Ein Radweg an der Nette entlang.", "verkehr-und-mobilitaet", "mendig");
        var other = await app.PublishedIdeaAsync("Radweg nach Mayen", "Ein Radweg durch das Nettetal.", "verkehr-und-mobilitaet", "mayen");

        Assert.Equal([idea], await FoundAsync(new IdeaQuery(MunicipalityId: "mendig", FieldId: "verkehr-und-mobilitaet", Status: "neu")));
        Assert.Empty(await FoundAsync(new IdeaQuery(FieldId: "energie")));
        Assert.Empty(await FoundAsync(new IdeaQuery(Status: "aufgenommen")));

        await app.Get<ModerationService>().AnswerAsync(await app.ModeratorAsync(), idea, 1, "adopted", "Die Idee ist Teil der Strategie.");
        Assert.Equal([idea], await FoundAsync(new IdeaQuery(Status: "aufgenommen")));
        Assert.Equal([other], await FoundAsync(new IdeaQuery(Status: "neu")));

        await using (var connection = await app.Connections.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE ideas SET municipality_id = 'mayen', field_id = 'umwelt-und-klima' WHERE id = @Id", new { Id = idea });
        }

        Assert.Empty(await FoundAsync(new IdeaQuery(MunicipalityId: "mendig")));
        Assert.Equal([idea], await FoundAsync(new IdeaQuery(MunicipalityId: "mayen", FieldId: "umwelt-und-klima", Status: "aufgenommen")));
        Assert.Equal([other, idea], await FoundAsync(new IdeaQuery(MunicipalityId: "mayen")));

        // A filter's value is a token of its own, whatever it contains.
        Assert.Empty(await FoundAsync(new IdeaQuery(MunicipalityId: "mayen\" OR place : *", FieldId: "* NOT x")));
    }

    [Fact]
    public async Task PublishingAnIdeaBeyondTheSearchKey_IsRefused()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var idea = (await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission("Radweg nach Mendig", "Ein Radweg an der Nette entlang.", "energie", "mendig", null))).IdeaId!.Value;
        await using (var connection = await app.Connections.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE ideas SET id = 2147483648 WHERE id = @Id", new { Id = idea });
        }

        // The search key keeps 31 bits for the id; a larger one would collide with the next second's keys.
        var refused = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => app.Connections.PublishAsync(2147483648));
        Assert.Contains("beyond the public search key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OrdersIdeasPublishedInTheSameSecondById()
    {
        await using var app = await TestApp.StartAsync();
        var now = app.Clock.GetUtcNow();
        var second = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddMinutes(-5);
        var ids = new List<long>();
        foreach (var offset in new[] { 900, 100, 500, 0 })
        {
            ids.Add(await app.PublishedIdeaAsync($"Radweg {offset}", "Ein Radweg an der Nette entlang.", publishedAt: second.AddMilliseconds(offset)));
        }

        var store = app.Get<IdeaStore>();
        var found = (await store.ListPublishedAsync(new IdeaQuery(Search: "radweg"))).Items.Select(i => i.Id);
        var bySupport = (await store.ListPublishedAsync(new IdeaQuery(Search: "radweg", Sort: IdeaSort.MostSupported))).Items.Select(i => i.Id);

        // Within one second of publication the search orders by id, newest first (the list by the exact time).
        Assert.Equal(ids.AsEnumerable().Reverse(), found);
        Assert.Equal(ids.Order(), bySupport.Order());
    }

    [Fact]
    public async Task EmptyList_ReadsWithoutError()
    {
        await using var app = await TestApp.StartAsync();

        Assert.Empty((await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery(Search: "nichts"))).Items);
        Assert.Empty(await app.Get<IdeaStore>().LatestAsync(4));
        Assert.Empty(await app.Get<IdeaStore>().SupportedByAsync(1));
    }
}
