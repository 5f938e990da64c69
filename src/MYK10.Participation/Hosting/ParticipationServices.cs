using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MYK10.Participation.Administration;
using MYK10.Participation.Ballots;
using MYK10.Participation.Comments;
using MYK10.Participation.Data;
using MYK10.Participation.Digests;
using MYK10.Participation.Jobs;
using MYK10.Participation.Ideas;
using MYK10.Participation.Mail;
using MYK10.Participation.Privacy;
using MYK10.Participation.Moderation;
using MYK10.Participation.Participants;
using MYK10.Participation.Reference;
using MYK10.Participation.Staff;
using MYK10.Participation.Strategy;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Hosting;

public static class ParticipationServices
{
    /// <summary>Registers storage, mail, jobs and the features of the library.</summary>
    public static IServiceCollection AddParticipation(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        DapperTypeHandlers.Register();
        services.TryAddSingleton(TimeProvider.System);

        // Read when first resolved, not now: a test host adds its configuration after registration.
        services.AddSingleton<IDbConnectionFactory>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new SqliteConnectionFactory(
                DataPaths.ResolveConnectionString(configuration.GetConnectionString("Participation"), DataPaths.DefaultParticipation, contentRoot),
                configuration.GetValue("Database:BackgroundCheckpoint", false));
        });
        services.AddSingleton(sp => new Migrator(
            sp.GetRequiredService<IDbConnectionFactory>(),
            MigrationScript.Embedded(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<Migrator>>()));

        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .PostConfigure(o => o.PickupDirectory = DataPaths.ResolvePath(o.PickupDirectory, contentRoot));
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>();
            return options.Value.UsesSmtp ? new SmtpMailTransport(options) : new PickupDirectoryMailTransport(options);
        });
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<MimeMessageFactory>();
        services.AddTransient<OutboxJob>();
        services.TryAddSingleton<IOutboxSignal, HangfireOutboxSignal>();

        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section));
        services.AddOptions<MYK10.Participation.Legal.LegalOptions>().Bind(configuration.GetSection(MYK10.Participation.Legal.LegalOptions.Section));
        services.AddSingleton<ReferenceStore>();

        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section));
        services.AddSingleton<IPasswordHasher<StaffMember>, PasswordHasher<StaffMember>>();
        services.AddSingleton<StaffStore>();
        services.AddSingleton<StaffService>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<TwoFactorService>();
        services.AddParticipants();
        services.AddTrust(configuration, contentRoot);
        services.AddIdeas();
        services.AddComments();
        services.AddModeration(configuration);
        services.AddStrategy();
        services.AddSurveys();
        services.AddDigests();
        services.AddSingleton<Demo.DemoSeeder>();
        services.AddBallots();
        services.AddAdministration();
        return services;
    }
}
