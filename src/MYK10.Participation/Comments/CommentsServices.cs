using Microsoft.Extensions.DependencyInjection;

namespace MYK10.Participation.Comments;

public static class CommentsServices
{
    public static IServiceCollection AddComments(this IServiceCollection services) => services.AddSingleton<CommentService>();
}
