using MYK10.Participation.Data;
using MYK10.Participation.Web.Cli;
using MYK10.Participation.Web.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var app = WebApp.Build(args);
try
{
    await app.PrepareAsync();
}
catch (Exception ex) when (ex is MigrationException or MYK10.Participation.Hosting.SettingException or SiteRunningException)
{
    await Console.Error.WriteLineAsync($"Start-up stopped: {ex.Message}");
    return 1;
}

try
{
    await app.RunAsync();
}
catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    await Console.Error.WriteLineAsync($"Start-up stopped: {ex.Message} Is the site running already? --urls chooses another address.");
    return 1;
}

return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
