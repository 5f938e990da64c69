using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace MYK10.Participation.Tests.Infrastructure;

/// <summary>Lets a test's Hangfire server create jobs from the test app's services, as the site's DI does.</summary>
public sealed class ServiceProviderActivator(IServiceProvider services) : JobActivator
{
    public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);
}
