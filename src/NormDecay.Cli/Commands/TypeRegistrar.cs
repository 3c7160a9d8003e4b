using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// The smallest dependency container Spectre.Console.Cli needs: registered instances and types (several per service, served
/// as <c>IEnumerable&lt;T&gt;</c> too), and constructor injection of them into the command classes (each verb's command takes a
/// <see cref="CliContext"/>).
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, List<Func<object>>> factories = [];

    public void Register(Type service, Type implementation) => Add(service, () => Create(implementation)
        ?? throw new InvalidOperationException($"No constructor of {implementation} can be served."));

    public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);

    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        Add(service, () => lazy.Value);
    }

    public ITypeResolver Build() => this;

    public object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (factories.TryGetValue(type, out List<Func<object>>? list) && list.Count > 0)
        {
            return list[^1]();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            Type item = type.GetGenericArguments()[0];
            List<Func<object>> all = factories.TryGetValue(item, out List<Func<object>>? l) ? l : [];
            var array = Array.CreateInstance(item, all.Count);
            for (int i = 0; i < all.Count; i++)
            {
                array.SetValue(all[i](), i);
            }

            return array;
        }

        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private void Add(Type service, Func<object> factory)
    {
        if (!factories.TryGetValue(service, out List<Func<object>>? list))
        {
            factories[service] = list = [];
        }

        list.Add(factory);
    }

    // null when no public constructor takes only served types: Spectre then creates the type itself.
    private object? Create(Type type)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault(c => c.GetParameters().All(p => CanServe(p.ParameterType)));
        return ctor?.Invoke([.. ctor.GetParameters().Select(p => Resolve(p.ParameterType))]);
    }

    private bool CanServe(Type t) =>
        factories.ContainsKey(t) || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>));
}
