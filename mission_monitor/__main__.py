from mission_monitor.cli import main

main()
