using System.Text;
using Dapper;
using MYK10.Participation.Participants;
using MYK10.Participation.Privacy;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Privacy;

public sealed class PersonalDataTests
{
    [Fact]
    public async Task Export_HoldsAccountConsentSignInLinksAndMail_OfThatParticipantOnly()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.ConfirmedParticipantAsync("erika.export@example.org", "Erika Export");
        await app.ConfirmedParticipantAsync("someone.else@example.org", "Jemand Anders");

        var export = await app.Get<PersonalDataService>().ExportAsync(id);

        Assert.NotNull(export);
        var sections = export.Sections.ToDictionary(s => s.Key);
        var account = Assert.Single(sections["account"].Rows);
        Assert.Equal("erika.export@example.org", account["email"]);
        Assert.Equal("Erika Export", account["display_name"]);
        Assert.Equal("Verbandsgemeinde Mendig", account["municipality"]);
        Assert.Equal(PrivacyNotice.CurrentVersion, Assert.Single(sections["consents"].Rows)["privacy_notice_version"]);
        Assert.Single(sections["sign_in_links"].Rows);
        var mail = Assert.Single(sections["mail"].Rows);
        Assert.Equal("erika.export@example.org", mail["to_address"]);
        Assert.DoesNotContain(export.Sections.SelectMany(s => s.Rows).SelectMany(r => r.Values), v => v is string s && s.Contains("someone.else", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_HoldsTheAnswerMailSetting_AndDeletionSwitchesItOff()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.ConfirmedParticipantAsync("erika.export@example.org", "Erika Export");
        var service = app.Get<PersonalDataService>();
        // On until the participant switches it off.
        Assert.Equal(1L, Assert.Single((await service.ExportAsync(id))!.Sections.Single(s => s.Key == "account").Rows)["supported_answer_mails"]);
        Assert.True(await app.Get<ParticipantStore>().SetSupportedAnswerMailsAsync(id, on: false));
        Assert.Equal(0L, Assert.Single((await service.ExportAsync(id))!.Sections.Single(s => s.Key == "account").Rows)["supported_answer_mails"]);
        Assert.True(await app.Get<ParticipantStore>().SetSupportedAnswerMailsAsync(id, on: true));

        Assert.True(await service.DeleteAccountAsync(id));

        Assert.Equal(0, await app.CountAsync("SELECT supported_answer_mails FROM participants WHERE id = @Id", new { Id = id }));
        Assert.False(await app.Get<ParticipantStore>().SetSupportedAnswerMailsAsync(id, on: true));
    }

    [Fact]
    public async Task DeleteAccount_LeavesNoEmailOrNameInTheDatabaseFiles_AndKeepsTheRowAsDeletedPerson()
    {
        await using var app = await TestApp.StartAsync();
        const string email = "xq7-erika-loeschmich@example.org";
        const string name = "Zyxwer Loeschname";
        var id = await app.ConfirmedParticipantAsync(email, "Vorheriger Zyxname");
        // Older versions of the row (an earlier name, a second sign-in link) must be gone too.
        await app.Get<ParticipantStore>().UpdateProfileAsync(id, name, null, acceptPrivacy: false, app.Clock.GetUtcNow());
        await app.Get<SignInLinkService>().RequestAsync(email, staySignedIn: false, returnUrl: null);
        var other = await app.ConfirmedParticipantAsync("bleibt@example.org", "Bleibt Hier");
        Assert.True(app.DatabaseFilesContain(email), "the test must see the address before deletion");

        Assert.True(await app.Get<PersonalDataService>().DeleteAccountAsync(id));

        foreach (var secret in new[] { email, name, "Vorheriger Zyxname", "loeschmich" })
        {
            Assert.False(app.DatabaseFilesContain(secret), $"'{secret}' is still in a database file");
        }

        await using var connection = await app.Connections.OpenAsync();
        var row = await connection.QuerySingleAsync<(string? Email, string? Name, string? DeletedAt)>(
            "SELECT email, display_name, deleted_at FROM participants WHERE id = @Id", new { Id = id });
        Assert.Null(row.Email);
        Assert.Null(row.Name);
        Assert.NotNull(row.DeletedAt);
        Assert.NotNull(await app.Get<ParticipantStore>().FindAsync(other));
        Assert.Null(await app.Get<ParticipantStore>().FindAsync(id));
        Assert.False(await app.Get<PersonalDataService>().DeleteAccountAsync(id));
    }

    [Fact]
    public async Task EveryTableWithParticipantData_IsCoveredByAContributor()
    {
        await using var app = await TestApp.StartAsync();
        var covered = app.Get<PersonalDataService>().Contributors.SelectMany(c => c.Tables).ToHashSet(StringComparer.Ordinal);
        // Staff addresses are the administration's, not participants'. Council recipients are council members entered
        // by the administration (not linked to participant accounts); admins remove them on the council's page. The admin
        // log holds staff addresses and, for changes to recipients, the recipients' names and addresses.
        string[] notParticipantData = ["staff", "audit_log", "council_recipients", "admin_log"];
        // Tables of features that landed before their contributor: each is removed from this list when its
        // IPersonalDataContributor is registered. Any other new table with participant data fails this test.
        string[] contributorPending = [];

        await using var connection = await app.Connections.OpenAsync();
        var tables = (await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).ToList();
        var personal = new List<string>();
        foreach (var table in tables.Except(notParticipantData))
        {
            var references = await connection.QueryAsync<string>("SELECT \"table\" FROM pragma_foreign_key_list(@Table)", new { Table = table });
            var columns = await connection.QueryAsync<string>("SELECT name FROM pragma_table_info(@Table)", new { Table = table });
            if (table == "participants" || references.Contains("participants")
                || columns.Any(c => c.Contains("email", StringComparison.Ordinal) || c.Contains("address", StringComparison.Ordinal) || c.Contains("display_name", StringComparison.Ordinal)))
            {
                personal.Add(table);
            }
        }

        Assert.Contains("participants", personal);
        Assert.Contains("mail_outbox", personal);
        Assert.All(personal.Except(contributorPending), t => Assert.True(covered.Contains(t), $"Table {t} holds participant data but no IPersonalDataContributor covers it"));
        Assert.All(contributorPending, t => Assert.Contains(t, personal));
    }

}
