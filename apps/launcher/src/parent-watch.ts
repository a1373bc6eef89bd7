// Preloaded (`node --import`) into every api, worker and CLI process the launcher starts. They run in
// their own process groups, so if the launcher is killed outright nothing would tell them to stop; the
// IPC channel closing does, and SIGTERM then takes each process's usual graceful path.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
// Listening must not keep a finished one-shot command (migrate, users:create) from exiting.
process.channel?.unref();
