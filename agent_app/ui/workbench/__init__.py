"""The seat workbench (坐席工作台): customer panel, service registration and service history."""
