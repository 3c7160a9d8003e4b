using NormDecay.Cli.Commands;

// normdecay: see Cli.Usage. Ctrl+C stops the kernels cleanly.
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
return await new Cli(Console.Out, Console.Error, Environment.CurrentDirectory).RunAsync(args, cts.Token);
