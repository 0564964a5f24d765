import { controllerOf, route } from '../routes/mount';
import {
  CancelLeaveDto,
  CancelShiftDto,
  ChangeAttendancePolicyDto,
  DecideLeaveDto,
  RequestLeaveDto,
  ScheduleShiftDto,
} from './staff-attendance.dto';
import {
  AttendancePolicyView,
  attendancePolicyView,
  LeaveRecordView,
  leaveRecordView,
  ShiftView,
  shiftView,
} from './staff-attendance.views';

/**
 * Shifts, clocking and leave over REST: each route is its declaration bound to these shapes. Bound by hand, not
 * with `resourceRoutes`: the resource (its OpenAPI tag, `staff-attendance`) is no path of its own — its writes sit
 * under two roots, /shifts and /staff-leave, answering two shapes (a shift, a leave record), and its policy under
 * /policies — so no one prefix and answer could derive them.
 */
export const StaffAttendanceRoutes = controllerOf('staff-attendance', [
  route({ rpc: 'staff.ScheduleShift', body: ScheduleShiftDto, answer: ShiftView, view: shiftView }),
  route({ rpc: 'staff.ClockIn', answer: ShiftView, view: shiftView }),
  route({ rpc: 'staff.ClockOut', answer: ShiftView, view: shiftView }),
  route({ rpc: 'staff.GetShift', answer: ShiftView, view: shiftView }),
  route({ rpc: 'staff.CancelShift', body: CancelShiftDto, answer: ShiftView, view: shiftView }),
  route({ rpc: 'staff.RequestLeave', body: RequestLeaveDto, answer: LeaveRecordView, view: leaveRecordView }),
  route({ rpc: 'staff.DecideLeave', body: DecideLeaveDto, answer: LeaveRecordView, view: leaveRecordView }),
  route({ rpc: 'staff.CancelLeave', body: CancelLeaveDto, answer: LeaveRecordView, view: leaveRecordView }),
  route({ rpc: 'staff.GetLeaveRecord', answer: LeaveRecordView, view: leaveRecordView }),
  route({ rpc: 'staff.GetAttendancePolicy', answer: AttendancePolicyView, view: attendancePolicyView }),
  route({
    rpc: 'staff.ChangeAttendancePolicy',
    body: ChangeAttendancePolicyDto,
    answer: AttendancePolicyView,
    view: attendancePolicyView,
  }),
]);
