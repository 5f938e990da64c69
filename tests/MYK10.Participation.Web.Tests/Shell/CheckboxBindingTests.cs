using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Shell;

/// <summary>A checkbox that sends something other than "true" or "false" gets the form back with an error, not an exception.</summary>
public sealed class CheckboxBindingTests
{
    [Fact]
    public async Task SignIn_WithACheckboxValueThatIsNoBoolean_ShowsTheFormWithGermanErrors_AndTheBoxUnticked()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var client = site.CreateBrowserLikeClient();

        using var response = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "", ["Input.StaySignedIn"] = "maybe" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var box = (IHtmlInputElement)page.QuerySelector("input[type=checkbox][name='Input.StaySignedIn']")!;
        Assert.False(box.IsChecked);
        Assert.Equal("true", box.GetAttribute("aria-invalid"));
        Assert.Contains("Die Eingabe „maybe“ ist hier nicht gültig.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountDeletion_WithAConfirmationThatIsNoBoolean_KeepsTheAccount_AndSaysWhy()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var (client, participantId) = await site.ParticipantClientAsync();

        using var response = await client.PostFormAsync("/konto/loeschen", new() { ["Input.Confirm"] = "maybe" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Die Eingabe „maybe“ ist hier nicht gültig.", (await response.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT deleted_at FROM participants WHERE id = @Id", new { Id = participantId }));
    }
}
