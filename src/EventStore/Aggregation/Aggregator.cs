using System.Collections.Concurrent;
using System.Reflection;
using Reporting.EventStore.Events;

namespace Reporting.EventStore.Aggregation;

/// <summary>
/// Folds events into an aggregate by convention: <c>static T Create(TEvent)</c> starts it, <c>T Apply(TEvent)</c>
/// (or <c>void Apply(TEvent)</c> on a mutable type) evolves it. A projection class may instead declare
/// <c>T Create(TEvent)</c> and <c>T Apply(TEvent, T)</c>; its methods come first. A parameter of type
/// <c>IEvent&lt;TEvent&gt;</c> receives the event with its metadata. Events with no method are ignored.
/// </summary>
internal sealed class Aggregator
{
    private const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly object? _projection;
    private readonly List<Handler> _creates = [];
    private readonly List<Handler> _applies = [];
    private readonly ConstructorInfo? _defaultConstructor;
    private readonly ConcurrentDictionary<Type, (Handler? Create, Handler? Apply)> _byEventType = new();

    private sealed record Handler(MethodInfo Method, Type EventType, bool WantsMetadata, bool OnProjection, bool ReturnsState);

    public Aggregator(Type aggregateType, object? projection = null)
    {
        AggregateType = aggregateType;
        _projection = projection;
        _defaultConstructor = aggregateType.GetConstructor(Type.EmptyTypes);
        if (projection is not null)
            Collect(projection.GetType(), onProjection: true);
        Collect(aggregateType, onProjection: false);
    }

    public Type AggregateType { get; }

    public IEnumerable<Type> EventTypes => _creates.Concat(_applies).Select(handler => handler.EventType).Where(type => !type.IsAbstract).Distinct();

    public bool Handles(Type eventType)
    {
        var (create, apply) = HandlersFor(eventType);
        return create is not null || apply is not null;
    }

    public object? Apply(object? state, IEvent @event)
    {
        var (create, apply) = HandlersFor(@event.EventType);
        if (state is null)
        {
            if (create is not null)
                return Invoke(create, null, @event);
            if (apply is null || _defaultConstructor is null)
                return null;
            state = _defaultConstructor.Invoke(null);
        }
        return apply is null ? state : Invoke(apply, state, @event);
    }

    private (Handler? Create, Handler? Apply) HandlersFor(Type eventType) =>
        _byEventType.GetOrAdd(eventType, type => (Find(_creates, type), Find(_applies, type)));

    private static Handler? Find(List<Handler> handlers, Type eventType) =>
        handlers.FirstOrDefault(h => h.EventType == eventType) ?? handlers.FirstOrDefault(h => h.EventType.IsAssignableFrom(eventType));

    private object? Invoke(Handler handler, object? state, IEvent @event)
    {
        var argument = handler.WantsMetadata ? @event : @event.Data;
        object?[] arguments = handler.Method.Name == "Create" ? [argument] : handler.OnProjection ? [argument, state] : [argument];
        var target = handler.Method.IsStatic ? null : handler.OnProjection ? _projection : state;
        var result = handler.Method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        return handler.ReturnsState ? result : state;
    }

    private void Collect(Type type, bool onProjection)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var method in current.GetMethods(Flags))
            {
                var parameters = method.GetParameters();
                var returnsState = AggregateType.IsAssignableFrom(method.ReturnType);
                if (method.Name == "Create" && parameters.Length == 1 && returnsState && (onProjection ? !method.IsStatic : method.IsStatic))
                    _creates.Add(HandlerOf(method, parameters[0].ParameterType, onProjection, returnsState: true));
                else if (method.Name == "Apply" && !method.IsStatic && (returnsState || method.ReturnType == typeof(void)))
                {
                    if (onProjection && parameters.Length == 2 && parameters[1].ParameterType.IsAssignableFrom(AggregateType))
                        _applies.Add(HandlerOf(method, parameters[0].ParameterType, onProjection, returnsState));
                    else if (!onProjection && parameters.Length == 1)
                        _applies.Add(HandlerOf(method, parameters[0].ParameterType, onProjection, returnsState));
                }
            }
        }
    }

    private static Handler HandlerOf(MethodInfo method, Type parameterType, bool onProjection, bool returnsState)
    {
        var wantsMetadata = parameterType.IsGenericType && parameterType.GetGenericTypeDefinition() == typeof(IEvent<>);
        var eventType = wantsMetadata ? parameterType.GetGenericArguments()[0] : parameterType;
        return new Handler(method, eventType, wantsMetadata, onProjection, returnsState);
    }
}
