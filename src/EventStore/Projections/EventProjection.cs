using System.Reflection;
using Reporting.EventStore.Events;

namespace Reporting.EventStore.Projections;

/// <summary>
/// A projection that reacts to each event by convention: <c>TDoc Create(TEvent)</c> stores the document it returns,
/// <c>void Project(TEvent, IDocumentOperations)</c> writes whatever it likes. <c>IEvent&lt;TEvent&gt;</c> parameters get metadata.
/// Documents written only through <c>Project</c> must be declared with <c>options.Schema.For&lt;T&gt;()</c>.
/// </summary>
public abstract class EventProjection : ProjectionSource
{
    private List<(MethodInfo Method, Type EventType, bool WantsMetadata)>? _methods;

    private List<(MethodInfo Method, Type EventType, bool WantsMetadata)> Methods => _methods ??= Discover();

    internal override IEnumerable<Type> DocumentTypes =>
        Methods.Where(m => m.Method.Name == "Create").Select(m => m.Method.ReturnType).Distinct();

    internal override IEnumerable<Type> EventTypes => Methods.Select(m => m.EventType).Where(type => !type.IsAbstract).Distinct();

    internal override bool Handles(Type eventType) => Methods.Any(m => m.EventType.IsAssignableFrom(eventType));

    internal override Task ApplyAsync(ProjectionContext context, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
            foreach (var (method, eventType, wantsMetadata) in Methods)
            {
                if (!eventType.IsAssignableFrom(@event.EventType))
                    continue;
                var argument = wantsMetadata ? @event : @event.Data;
                if (method.Name == "Create")
                {
                    if (method.Invoke(this, BindingFlags.DoNotWrapExceptions, null, [argument], null) is { } document)
                        context.Changes.Store(document);
                }
                else
                    method.Invoke(this, BindingFlags.DoNotWrapExceptions, null, [argument, context], null);
            }
        return Task.CompletedTask;
    }

    private List<(MethodInfo, Type, bool)> Discover()
    {
        var found = new List<(MethodInfo, Type, bool)>();
        foreach (var method in GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (method.DeclaringType == typeof(EventProjection) || method.DeclaringType == typeof(ProjectionSource) || method.DeclaringType == typeof(object))
                continue;
            var parameters = method.GetParameters();
            var isCreate = method.Name == "Create" && parameters.Length == 1 && method.ReturnType.IsClass && method.ReturnType != typeof(string);
            var isProject = method.Name == "Project" && parameters.Length == 2 && parameters[1].ParameterType == typeof(IDocumentOperations) && method.ReturnType == typeof(void);
            if (!isCreate && !isProject)
                continue;
            var parameterType = parameters[0].ParameterType;
            var wantsMetadata = parameterType.IsGenericType && parameterType.GetGenericTypeDefinition() == typeof(IEvent<>);
            found.Add((method, wantsMetadata ? parameterType.GetGenericArguments()[0] : parameterType, wantsMetadata));
        }
        return found;
    }
}
