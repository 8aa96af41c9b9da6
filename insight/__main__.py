from insight.cli import main

main()
