using MYK10.Participation.Ideas;
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

        if (query == "MOBILITAET")
        {
            Assert.Empty(page.Items); // "ae" is a spelling, not a diacritic: SQLite folds only the ä itself.
        }
        else
        {
            Assert.Equal([hit], page.Items.Select(i => i.Id));
        }
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
    public async Task EmptyList_ReadsWithoutError()
    {
        await using var app = await TestApp.StartAsync();

        Assert.Empty((await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery(Search: "nichts"))).Items);
        Assert.Empty(await app.Get<IdeaStore>().LatestAsync(4));
        Assert.Empty(await app.Get<IdeaStore>().SupportedByAsync(1));
    }
}
