using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Participants;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Participants;

public sealed class AnswerMailSettingTests(AnswerMailSettingTests.Site site) : IClassFixture<AnswerMailSettingTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() : base(new() { ["Jobs:Server"] = "false" })
        {
        }
    }

    private const string SettingForm = "form[action*='handler=Notifications']";

    [Fact]
    public async Task AccountPage_SavesTheAnswerMailSetting_AndShowsItsState()
    {
        var (client, id) = await site.ParticipantClientAsync();

        // On from the start: supporters hear of answers unless they switch it off.
        var before = await client.GetDocumentAsync("/konto");
        Assert.Single(before.QuerySelectorAll("h1"));
        Assert.True(Checkbox(before).IsChecked);
        Assert.Equal("Mich per E-Mail benachrichtigen, wenn eine Idee, die ich unterstütze, eine offizielle Antwort erhält.",
            before.QuerySelector("label[for=Input_SupportedAnswerMails]")!.TextContent);
        Assert.Null(before.QuerySelector(".notice"));
        Assert.True((await site.Get<ParticipantStore>().FindAsync(id))!.WantsSupportedAnswerMails);

        // An unticked box sends only the hidden "false", as a browser does.
        using var off = await client.PostFormAsync("/konto", new() { ["Input.SupportedAnswerMails"] = "false" }, SettingForm);
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal("/konto?hinweis=gespeichert#benachrichtigungen", off.Headers.Location!.OriginalString);
        var switchedOff = await client.GetDocumentAsync(off.Headers.Location.OriginalString);
        Assert.False(Checkbox(switchedOff).IsChecked);
        Assert.StartsWith("Gespeichert: Sie erhalten keine E-Mails", switchedOff.QuerySelector("#benachrichtigungen ~ .notice[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False((await site.Get<ParticipantStore>().FindAsync(id))!.WantsSupportedAnswerMails);
        Assert.Equal("nein", DataValue(await client.GetDocumentAsync("/konto/daten")));

        using var on = await client.PostFormAsync("/konto", new() { ["Input.SupportedAnswerMails"] = "true" }, SettingForm);
        var saved = await client.GetDocumentAsync(on.Headers.Location!.OriginalString);
        Assert.True(Checkbox(saved).IsChecked);
        Assert.StartsWith("Gespeichert: Sie erhalten eine E-Mail", saved.QuerySelector("#benachrichtigungen ~ .notice[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.True((await site.Get<ParticipantStore>().FindAsync(id))!.WantsSupportedAnswerMails);
        Assert.Equal("ja", DataValue(await client.GetDocumentAsync("/konto/daten")));
    }

    private static string DataValue(IHtmlDocument data) =>
        Assert.Single(data.QuerySelectorAll("#data-account ~ dl dt"), dt => dt.TextContent == "E-Mail bei Antworten auf unterstützte Ideen").NextElementSibling!.TextContent;

    [Fact]
    public async Task SupportNotice_SaysAMailWillCome_WithALinkToTheSetting_OnlyWhileItIsOn()
    {
        var idea = await PublishedIdeaAsync(new IdeaSubmission("Radweg nach Kruft", "Ein sicherer Radweg entlang der Landstraße.", "verkehr-und-mobilitaet", "pellenz", null));
        var (client, id) = await site.ParticipantClientAsync();

        var supported = await SupportAsync(client, idea);
        var link = Assert.Single(supported.QuerySelectorAll("#unterstuetzen a[href='/konto#benachrichtigungen']"));
        Assert.Equal("Wenn die Verwaltung diese Idee beantwortet, erhalten Sie eine E-Mail. Benachrichtigungen einstellen", link.ParentElement!.TextContent.Trim());

        await site.Get<ParticipantStore>().SetSupportedAnswerMailsAsync(id, on: false);
        using (await client.PostFormAsync($"/ideen/{idea}", [], "form[action*='handler=Withdraw']"))
        {
        }

        Assert.Empty((await SupportAsync(client, idea)).QuerySelectorAll("a[href='/konto#benachrichtigungen']"));
    }

    [Fact]
    public async Task SupportNotice_OnAnIdeaAnsweredAlready_SaysTheMailComesWhenTheAnswerChanges()
    {
        var idea = await PublishedIdeaAsync(new IdeaSubmission("Ladesäulen am Bahnhof Kruft", "Ladesäulen für Elektroautos am Bahnhof.", "energie", "pellenz", null));
        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE ideas SET answer_status = 'adopted', official_answer = 'Die Idee ist in die Strategie eingeflossen.', answered_at = @At WHERE id = @Id",
                new { Id = idea, At = DateTimeOffset.UtcNow });
        }

        var (client, _) = await site.ParticipantClientAsync();

        var supported = await SupportAsync(client, idea);

        // The answer stands right above the notice: a mail "when the administration answers" would be about the past.
        Assert.NotNull(supported.QuerySelector("section.official-answer"));
        var link = Assert.Single(supported.QuerySelectorAll("#unterstuetzen a[href='/konto#benachrichtigungen']"));
        Assert.Equal("Wenn die Verwaltung ihre Antwort auf diese Idee ändert, erhalten Sie eine E-Mail. Benachrichtigungen einstellen", link.ParentElement!.TextContent.Trim());
    }

    private async Task<long> PublishedIdeaAsync(IdeaSubmission submission)
    {
        var connections = site.Get<IDbConnectionFactory>();
        var idea = (await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), submission)).IdeaId!.Value;
        await connections.PublishAsync(idea);
        return idea;
    }

    private static async Task<IHtmlDocument> SupportAsync(HttpClient client, long idea)
    {
        using var support = await client.PostFormAsync($"/ideen/{idea}", [], "form[action*='handler=Support']");
        Assert.Equal(HttpStatusCode.Redirect, support.StatusCode);
        var page = await client.GetDocumentAsync(support.Headers.Location!.OriginalString);
        Assert.NotNull(page.QuerySelector("#unterstuetzen .notice[role=status]"));
        return page;
    }

    private static IHtmlInputElement Checkbox(IHtmlDocument page) => (IHtmlInputElement)page.QuerySelector("input[type=checkbox][name='Input.SupportedAnswerMails']")!;
}
